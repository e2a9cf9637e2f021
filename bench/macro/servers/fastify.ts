// Fastify 5: the 404 route through faultline's plugin, a minimal hand-written error handler, or
// written directly by the route; `faultline-returned`: the route returns faultline's error instead
// of throwing it (Fastify sends a returned Error to its error handler, as a thrown one).
import Fastify, { type FastifyReply } from 'fastify';
import createError from 'http-errors';
import { errorHandler } from '../../../adapters/fastify/index.js';
import { errors } from '../../../src/index.js';
import { AFTER_LOOKUP, afterLookup, announce, DIRECT, ERROR_VARIANTS, HAND_HEADERS, handBody, LOCALHOST, thrower, variantArg } from './shared.js';

const variant = variantArg([...ERROR_VARIANTS, 'faultline-returned']);
const app = Fastify({ logger: false });
const writeDirect = (reply: FastifyReply): FastifyReply => reply.code(DIRECT.status).headers(DIRECT.headers).send(DIRECT.bytes);

if (variant === 'direct') {
  app.get('/pins/:id', AFTER_LOOKUP ? (_request, reply) => afterLookup(() => writeDirect(reply)) : async (_request, reply) => writeDirect(reply));
} else if (variant === 'faultline-returned') {
  await app.register(errorHandler());
  app.get('/pins/:id', AFTER_LOOKUP ? () => afterLookup(() => errors.notFound()) : async () => errors.notFound());
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
  app.get(
    '/pins/:id',
    AFTER_LOOKUP
      ? () =>
          afterLookup(() => {
            throw make();
          })
      : async () => {
          throw make();
        },
  );
}

await app.listen({ port: 0, host: LOCALHOST });
announce(app.server);
