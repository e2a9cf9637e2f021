// The Express app the rate-limit tests run: rateLimit first, a few routes, notFound and
// errorHandler last, on 127.0.0.1, as a user would wire it.
import { createServer } from 'node:http';
import express, { type Request } from 'express';
import { errorHandler, notFound, rateLimit, type ExpressRateLimitOptions } from '../../adapters/express/index.js';
import type { FaultlineOptions } from '../../src/index.js';
import { listen } from '../support/http.js';

export interface RateLimitedApp {
  readonly url: string;
  close(): Promise<void>;
}

export async function startRateLimitedApp(spec: {
  readonly rateLimit?: ExpressRateLimitOptions;
  readonly handler?: FaultlineOptions;
  readonly trustProxy?: string | boolean;
  /** A route `/consume` that awaits this (unguarded, as user code would), for a thrown RateLimiterRes. */
  readonly inRoute?: (req: Request) => Promise<unknown>;
}): Promise<RateLimitedApp> {
  const app = express();
  if (spec.trustProxy !== undefined) app.set('trust proxy', spec.trustProxy);
  if (spec.rateLimit !== undefined) app.use(rateLimit(spec.rateLimit));
  app.get('/ok', (_req, res) => {
    res.json({ ok: true });
  });
  const inRoute = spec.inRoute;
  if (inRoute !== undefined) {
    app.get('/consume', async (req, res) => {
      await inRoute(req);
      res.json({ ok: true });
    });
  }
  app.use(notFound(), errorHandler(spec.handler));
  return listen(createServer(app));
}
