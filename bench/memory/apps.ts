// Each adapter's app, in-process, as the request listener its server would call: a route that
// throws what `thrownAt` says for the request's number, and faultline's error handler.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { Router } from '@koa/router';
import express from 'express';
import Fastify, { type FastifyInstance } from 'fastify';
import { Hono } from 'hono';
import Koa from 'koa';
import { errorHandler as expressErrorHandler } from '../../adapters/express/index.js';
import { errorHandler as fastifyErrorHandler } from '../../adapters/fastify/index.js';
import { errorHandler as honoErrorHandler } from '../../adapters/hono/index.js';
import { errorHandler as koaErrorHandler } from '../../adapters/koa/index.js';
import { indexOf, thrownAt } from './thrown.js';

export type Listener = (req: IncomingMessage, res: ServerResponse) => void;

// Nothing is logged: the benchmark measures what faultline keeps, not a logger's buffers.
const quiet = { onError: () => {} };

function expressApp(): Listener {
  const app = express();
  app.get('/pins/:id', (req) => {
    throw thrownAt(Number(req.params.id));
  });
  app.use(expressErrorHandler(quiet));
  return app as unknown as Listener;
}

function koaApp(): Listener {
  const app = new Koa();
  app.silent = true;
  app.use(koaErrorHandler(quiet));
  const router = new Router();
  router.get('/pins/:id', (ctx) => {
    throw thrownAt(Number(ctx.params.id));
  });
  app.use(router.routes());
  return app.callback() as Listener;
}

function honoApp(): Listener {
  const app = new Hono();
  app.get('/pins/:id', (c) => {
    throw thrownAt(Number(c.req.param('id')));
  });
  app.onError(honoErrorHandler(quiet));
  return getRequestListener(app.fetch) as unknown as Listener;
}

async function fastifyApp(): Promise<Listener> {
  const app: FastifyInstance = Fastify({ logger: false });
  await app.register(fastifyErrorHandler(quiet));
  app.get('/pins/:id', async (request) => {
    throw thrownAt(indexOf(request.url));
  });
  await app.ready();
  return app.routing as Listener;
}

export const SUBJECTS = ['express', 'koa', 'hono', 'fastify', 'nest', 'nest-fastify'] as const;
export type Subject = (typeof SUBJECTS)[number];

export async function listenerFor(subject: Subject): Promise<Listener> {
  switch (subject) {
    case 'express':
      return expressApp();
    case 'koa':
      return koaApp();
    case 'hono':
      return honoApp();
    case 'fastify':
      return fastifyApp();
    default: {
      // Nest only where asked for: its decorators need reflect-metadata loaded first.
      const { nestApp } = await import('./nest-app.js');
      return nestApp(subject === 'nest-fastify', quiet);
    }
  }
}
