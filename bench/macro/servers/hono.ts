// Hono 4 on @hono/node-server: the 404 route through faultline's onError or a minimal hand-written one.
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import createError from 'http-errors';
import { errorHandler } from '../../../adapters/hono/index.js';
import { errors } from '../../../src/index.js';
import { announce, HAND_HEADERS, handBody, LOCALHOST, StacklessError, variantArg } from './shared.js';

const variant = variantArg(['faultline', 'http-errors', 'stackless'] as const);
const app = new Hono();
const make = variant === 'faultline' ? () => errors.notFound() : variant === 'http-errors' ? () => createError(404) : () => new StacklessError(404, 'Not Found');

app.get('/pins/:id', () => {
  throw make();
});
if (variant === 'faultline') {
  app.onError(errorHandler());
} else {
  app.onError((error, c) => {
    const { status, body } = handBody(error);
    return c.body(body, status as 404, HAND_HEADERS);
  });
}

const server = serve({ fetch: app.fetch, port: 0, hostname: LOCALHOST }, () => announce(server as Server));
