// Koa 3: the 404 route through faultline's middleware, a minimal hand-written one, or answered
// directly by the route.
import { createServer } from 'node:http';
import { Router } from '@koa/router';
import createError from 'http-errors';
import Koa from 'koa';
import { errorHandler } from '../../../adapters/koa/index.js';
import { errors } from '../../../src/index.js';
import { AFTER_LOOKUP, afterLookup, announce, DIRECT, ERROR_VARIANTS, HAND_HEADERS, handBody, LOCALHOST, thrower, variantArg } from './shared.js';

const variant = variantArg(ERROR_VARIANTS);
const app = new Koa();
app.silent = true;
const router = new Router();

function writeDirect(ctx: Koa.Context): void {
  ctx.status = DIRECT.status;
  ctx.set(DIRECT.headers);
  ctx.body = DIRECT.bytes;
}

if (variant === 'direct') {
  router.get('/pins/:id', AFTER_LOOKUP ? (ctx) => afterLookup(() => writeDirect(ctx)) : writeDirect);
} else {
  const make = thrower(variant, () => errors.notFound(), () => createError(404));
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
  const raise = (): never => {
    throw make();
  };
  router.get('/pins/:id', AFTER_LOOKUP ? () => afterLookup(raise) : raise);
}
app.use(router.routes());

const server = createServer(app.callback()).listen(0, LOCALHOST, () => announce(server));
