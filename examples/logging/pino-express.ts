// Express with pino-http and faultline's logErrors: every error is one structured pino line,
// carrying the same request id as pino-http's own "request completed" line.
//
//   npx tsx examples/logging/pino-express.ts
//   curl -i http://127.0.0.1:3000/pins/7 -H 'X-Request-Id: abc-123'   # a 404, logged at warn (40)
//   curl -i http://127.0.0.1:3000/report                               # a 500, logged at error (50) with stack and causes
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pathToFileURL } from 'node:url';
import express from 'express';
import { pino, type Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { errorHandler, notFound } from '../../adapters/express/index.js'; // 'faultline/express'
import { errors, logErrors } from '../../src/index.js'; // 'faultline'

// A client's id is adopted only when it looks like an id; anything else gets a fresh one.
const CLIENT_ID = /^[\w.:-]{1,64}$/;

/** pino-http's `genReqId`: the id `req.id` holds, which faultline's adapter reports to `onError`. */
function requestId(req: IncomingMessage, res: ServerResponse): string {
  const sent = req.headers['x-request-id'];
  const id = typeof sent === 'string' && CLIENT_ID.test(sent) ? sent : randomUUID();
  res.setHeader('x-request-id', id);
  return id;
}

export function loggedApp(logger: Logger = pino()): express.Express {
  const app = express();
  app.use(pinoHttp({ logger, genReqId: requestId }));

  app.get('/pins/:id', (req) => {
    // The id is client input: faultline escapes it in the log line (no forged lines), and a 4xx
    // message is what the client sees anyway.
    throw errors.notFound(`No pin ${req.params.id}`);
  });
  app.get('/report', () => {
    const socket = new Error('connect ECONNREFUSED 127.0.0.1:5432');
    throw new Error('Report store unavailable', { cause: new Error('query failed', { cause: socket }) });
  });

  // onError gets the Fault, the thrown value and the request's method, path and id (`req.id`).
  // The client still gets a generic 500: logging never changes the response.
  app.use(notFound(), errorHandler({ envelope: 'problem-details', onError: logErrors(logger) }));
  return app;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(process.env.PORT ?? 3000);
  loggedApp().listen(port, '127.0.0.1', () => console.log(`http://127.0.0.1:${port}`));
}
