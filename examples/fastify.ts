import Fastify, { type FastifyInstance } from 'fastify';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { errorHandler } from '../adapters/fastify/index.js';
import type { EnvelopeName } from '../src/index.js';
import { pinSchema, type NewPin } from './pins/schema.js';
import { PinService } from './pins/service.js';

/** The pins API on Fastify, its errors in the given envelope: the same domain as on Express. */
export async function pinsApp(envelope: EnvelopeName): Promise<FastifyInstance> {
  const pins = new PinService();
  // Fastify's ajv coerces types, strips unknown properties and stops at the first error; these options
  // make `pinSchema` mean what it means on every other framework (all issues, nothing coerced or stripped).
  const app = Fastify({ bodyLimit: 1024, ajv: { customOptions: { allErrors: true, coerceTypes: false, removeAdditional: false } } });
  await app.register(errorHandler({ envelope, messages: { 500: 'An unexpected error occurred' } }));
  // 5 requests per 10 s per client on /pins. faultline has no Fastify rateLimit(): `consume()` rejects
  // with a RateLimiterRes, which faultline renders as a 429 with Retry-After.
  const limiter = new RateLimiterMemory({ points: 5, duration: 10 });
  app.addHook('onRequest', async (request) => {
    if (request.url.startsWith('/pins')) await limiter.consume(request.ip);
  });
  app.get('/pins', async () => ({ count: pins.list().length, results: pins.list() }));
  app.get<{ Params: { id: string } }>('/pins/:id', async (request) => pins.get(request.params.id));
  // Fastify validates with its own ajv; faultline renders its failures as field issues.
  app.post<{ Body: NewPin }>('/pins', { schema: { body: pinSchema } }, async (request, reply) => reply.code(202).send(pins.add(request.body)));
  app.delete<{ Params: { id: string } }>('/pins/:id', async (request, reply) => {
    pins.remove(request.params.id, request.headers.authorization);
    return reply.code(202).send();
  });
  app.get('/report', async () => pins.report());
  return app;
}
