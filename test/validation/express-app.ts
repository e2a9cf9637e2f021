// Express wired for the validation contract: express.json() then validate() on each route.
import { createServer } from 'node:http';
import express, { type NextFunction, type Request, type Response } from 'express';
import { errorHandler, notFound, validate } from '../../adapters/express/index.js';
import { listen } from '../support/http.js';
import { BODY_LIMIT, type ValidationHarness } from './harness.js';

// What the route sees after validation: coerced query and params included.
function reply(req: Request, res: Response): void {
  res.json({ body: req.body ?? null, query: req.query, params: req.params });
}

export const expressValidationHarness: ValidationHarness = {
  framework: 'express',
  async start(spec) {
    const app = express();
    const json = express.json({ limit: spec.bodyLimit ?? BODY_LIMIT });
    for (const route of spec.routes) {
      const method = route.method === 'GET' ? 'get' : 'post';
      if (route.perRequest === true) {
        app[method](route.path, json, (req: Request, res: Response, next: NextFunction) => {
          validate(route.schemas, route.options)(req, res, next);
        }, reply);
      } else {
        app[method](route.path, json, validate(route.schemas, route.options), reply);
      }
    }
    app.use(notFound(), errorHandler(spec.handler));
    return listen(createServer(app));
  },
};
