import { createServer } from 'node:http';
import express, { type Request, type Response } from 'express';
import type { ErrorResponse } from '../../../src/index.js';
import { errorHandler, notFound } from '../../../adapters/express/index.js';
import { listen } from '../../support/http.js';
import { presetRoute, type PresetAppSpec, type PresetHarness } from './preset-harness.js';

export const expressPresetHarness: PresetHarness = {
  framework: 'express',
  async start(spec: PresetAppSpec) {
    const app = express();
    const run = async (req: Request, res: Response) => {
      const request = { header: (name: string) => req.get(name), body: req.body as unknown };
      send(res, await presetRoute(spec, req.params.name as string)(request));
    };
    app.all('/r/:name', run);
    app.post('/upload/:name', express.json({ limit: '1kb' }), run);
    app.use(notFound(), errorHandler(spec.options));
    return listen(createServer(app));
  },
};

function send(res: Response, response: ErrorResponse): void {
  res.status(response.status).set(response.headers).send(response.body ?? undefined);
}
