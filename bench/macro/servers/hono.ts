// Hono 4 on @hono/node-server: the 404 route through faultline's onError, a minimal hand-written
// one, or answered directly by the route.
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import createError from 'http-errors';
import { errorHandler } from '../../../adapters/hono/index.js';
import { errors } from '../../../src/index.js';
import { AFTER_LOOKUP, afterLookup, announce, DIRECT, ERROR_VARIANTS, HAND_HEADERS, handBody, LOCALHOST, thrower, variantArg } from './shared.js';

const variant = variantArg(ERROR_VARIANTS);
const app = new Hono();
// The string, and node-server counts its length: measured cheaper than the bytes with their length.
const writeDirect = (c: Context): Response => c.body(DIRECT.text, 404, HAND_HEADERS);

if (variant === 'direct') {
  app.get('/pins/:id', AFTER_LOOKUP ? (c) => afterLookup(() => writeDirect(c)) : writeDirect);
} else {
  const make = thrower(variant, () => errors.notFound(), () => createError(404));
  const raise = (): never => {
    throw make();
  };
  app.get('/pins/:id', AFTER_LOOKUP ? () => afterLookup(raise) : raise);
  if (variant === 'faultline') {
    app.onError(errorHandler());
  } else {
    app.onError((error, c) => {
      const { status, body } = handBody(error);
      return c.body(body, status as 404, HAND_HEADERS);
    });
  }
}

const server = serve({ fetch: app.fetch, port: 0, hostname: LOCALHOST }, () => announce(server as Server));
