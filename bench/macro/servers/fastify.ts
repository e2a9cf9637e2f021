// Fastify 5: the 404 route through faultline's plugin or a minimal hand-written error handler.
import Fastify from 'fastify';
import createError from 'http-errors';
import { errorHandler } from '../../../adapters/fastify/index.js';
import { errors } from '../../../src/index.js';
import { announce, HAND_HEADERS, handBody, LOCALHOST, StacklessError, variantArg } from './shared.js';

const variant = variantArg(['faultline', 'http-errors', 'stackless'] as const);
const app = Fastify({ logger: false });
const make = variant === 'faultline' ? () => errors.notFound() : variant === 'http-errors' ? () => createError(404) : () => new StacklessError(404, 'Not Found');

if (variant === 'faultline') {
  await app.register(errorHandler());
} else {
  app.setErrorHandler((error, _request, reply) => {
    const { status, body } = handBody(error);
    void reply.code(status).headers(HAND_HEADERS).send(body);
  });
}
app.get('/pins/:id', async () => {
  throw make();
});

await app.listen({ port: 0, host: LOCALHOST });
announce(app.server);
