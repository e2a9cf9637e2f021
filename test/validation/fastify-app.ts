// Fastify wired for the validation contract: its JSON body parser limited to BODY_LIMIT, the
// faultline plugin, and faultline's validate() as each route's preValidation hook.
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import { errorHandler, validate } from '../../adapters/fastify/index.js';
import { errors } from '../../src/index.js';
import { BODY_MESSAGES } from '../../src/kit.js';
import { BODY_LIMIT, type ValidationHarness } from './harness.js';

export const fastifyValidationHarness: ValidationHarness = {
  framework: 'fastify',
  differences: [
    {
      probe: 'a __proto__ member is just a field',
      thrown: () => errors.badRequest(BODY_MESSAGES.malformed),
      reason:
        "Fastify parses JSON with prototype poisoning protection (`onProtoPoisoning: 'error'`): a body with a `__proto__` key is refused as malformed JSON before validate runs",
    },
  ],
  async start(spec) {
    const app = Fastify({ bodyLimit: spec.bodyLimit ?? BODY_LIMIT });
    await app.register(errorHandler(spec.handler));
    for (const route of spec.routes) {
      const check =
        route.perRequest === true
          ? (request: FastifyRequest, reply: FastifyReply) => validate(route.schemas, route.options)(request, reply)
          : validate(route.schemas, route.options);
      app.route({
        method: route.method,
        url: route.path,
        preValidation: check,
        // What the route sees after validation: coerced query and params, or the validator's output.
        handler: async (request) => ({ body: request.body ?? null, query: request.query, params: request.params }),
      });
    }
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    return { url: `http://127.0.0.1:${port}`, close: () => app.close() };
  },
};
