// Fastify 5: the 404 route through faultline's plugin, a minimal hand-written error handler, or
// written directly by the route.
import Fastify from 'fastify';
import createError from 'http-errors';
import { errorHandler } from '../../../adapters/fastify/index.js';
import { errors } from '../../../src/index.js';
import { announce, DIRECT, ERROR_VARIANTS, HAND_HEADERS, handBody, LOCALHOST, thrower, variantArg } from './shared.js';

const variant = variantArg(ERROR_VARIANTS);
const app = Fastify({ logger: false });

if (variant === 'direct') {
  app.get('/pins/:id', async (_request, reply) => reply.code(DIRECT.status).headers(DIRECT.headers).send(DIRECT.bytes));
} else {
  const make = thrower(variant, () => errors.notFound(), () => createError(404));
  if (variant === 'faultline') {
    await app.register(errorHandler());
  } else {
    app.setErrorHandler((error, _request, reply) => {
      const { status, body } = handBody(error);
      // A Buffer: Fastify appends `; charset=utf-8` to the content type of a string.
      void reply.code(status).headers(HAND_HEADERS).send(Buffer.from(body));
    });
  }
  app.get('/pins/:id', async () => {
    throw make();
  });
}

await app.listen({ port: 0, host: LOCALHOST });
announce(app.server);
