// An Express app whose routes run one database statement each and let what the driver throws
// reach faultline, as a route that inserts or deletes would: the response is what a client sees.
import { createServer } from 'node:http';
import express from 'express';
import { errorHandler } from '../../adapters/express/index.js';
import type { FaultlineOptions } from '../../src/index.js';
import type { RunningApp } from '../harness/harness.js';
import { listen } from '../support/http.js';

export function databaseApp(statements: Readonly<Record<string, () => Promise<unknown>>>, options: FaultlineOptions = { envelope: 'problem-details' }): Promise<RunningApp> {
  const app = express();
  app.post('/run/:name', async (req, res) => {
    const run = statements[req.params.name];
    if (run === undefined) throw new Error(`test bug: no statement ${req.params.name}`);
    await run();
    res.json({ ok: true });
  });
  app.use(errorHandler(options));
  return listen(createServer(app));
}
