// Koa 3: the 404 route through faultline's middleware or a minimal hand-written one.
import { createServer } from 'node:http';
import { Router } from '@koa/router';
import createError from 'http-errors';
import Koa from 'koa';
import { errorHandler } from '../../../adapters/koa/index.js';
import { errors } from '../../../src/index.js';
import { announce, HAND_HEADERS, handBody, LOCALHOST, StacklessError, variantArg } from './shared.js';

const variant = variantArg(['faultline', 'http-errors', 'stackless'] as const);
const app = new Koa();
app.silent = true;
const make = variant === 'faultline' ? () => errors.notFound() : variant === 'http-errors' ? () => createError(404) : () => new StacklessError(404, 'Not Found');

if (variant === 'faultline') {
  app.use(errorHandler());
} else {
  app.use(async (ctx, next) => {
    try {
      await next();
    } catch (error) {
      const { status, body } = handBody(error);
      ctx.status = status;
      ctx.set(HAND_HEADERS);
      ctx.body = body;
    }
  });
}
const router = new Router();
router.get('/pins/:id', () => {
  throw make();
});
app.use(router.routes());

const server = createServer(app.callback()).listen(0, LOCALHOST, () => announce(server));
