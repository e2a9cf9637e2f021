// A small API as a faultline user writes it, for the matchers' tests (vitest here, jest in
// jest-fixture/): real Express with faultline's error handler in the envelope asked for.
import express, { type Express } from 'express';
import { errors, type EnvelopeName } from '../../src/index.js';
import { errorHandler, notFound } from '../../adapters/express/index.js';

export function pinsApp(envelope: EnvelopeName): Express {
  const app = express();
  app.use(express.json());
  app.get('/pins/:id', (req) => {
    throw errors.notFound(`No pin ${req.params.id}`);
  });
  app.post('/pins', () => {
    throw errors.badRequest('Invalid pin', {
      issues: [{ location: 'body', pointer: '/cid', keyword: 'required', message: 'is required' }],
    });
  });
  app.post('/pay', () => {
    throw errors.conflict('Unable to process request due to the lack of funds', { code: 'INSUFFICIENT_FUNDS' });
  });
  app.get('/limited', () => {
    throw errors.tooManyRequests('Slow down', { retryAfter: 30 });
  });
  app.get('/crash', () => {
    throw new Error('db password is hunter2');
  });
  app.get('/ok', (_req, res) => {
    res.json({ ok: true });
  });
  // What an API answers when an error bypasses faultline: a proxy's or the framework's own page.
  app.get('/html', (_req, res) => {
    res.status(502).type('html').send('<html><body><h1>502 Bad Gateway</h1></body></html>');
  });
  app.use(notFound(), errorHandler({ envelope }));
  return app;
}
