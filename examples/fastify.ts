import Fastify, { type FastifyInstance } from 'fastify';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { errorHandler } from '../adapters/fastify/index.js';
import type { EnvelopeName } from '../src/index.js';
import { PinService } from './pins/service.js';

/** The pins API on Fastify, its errors in the given envelope: the same domain as on Express. */
export async function pinsApp(envelope: EnvelopeName): Promise<FastifyInstance> {
  const pins = new PinService();
  // In-memory rate limiting: 5 requests per 10 s per client on /pins.
  const limiter = new RateLimiterMemory({ points: 5, duration: 10 });
  const app = Fastify({ bodyLimit: 1024 });
  await app.register(errorHandler({ envelope, messages: { 500: 'An unexpected error occurred' } }));
  app.addHook('onRequest', async (request) => {
    if (request.url.startsWith('/pins')) await limiter.consume(request.ip); // rejects with a RateLimiterRes when limited
  });
  app.get('/pins', async () => ({ count: pins.list().length, results: pins.list() }));
  app.get<{ Params: { id: string } }>('/pins/:id', async (request) => pins.get(request.params.id));
  app.post('/pins', async (request, reply) => reply.code(202).send(pins.add(request.body)));
  app.delete<{ Params: { id: string } }>('/pins/:id', async (request, reply) => {
    pins.remove(request.params.id, request.headers.authorization);
    return reply.code(202).send();
  });
  app.get('/report', async () => pins.report());
  return app;
}
