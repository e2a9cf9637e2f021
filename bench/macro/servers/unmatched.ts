// A request no route matches (GET /nowhere/42) on an app with sixteen routes, through faultline's
// notFound, with the automatic 405 on (its default: the router is read for the unmatched request)
// or off (methodNotAllowed: false). The same 404 body either way: what the 405 costs a 404.
// oxlint-disable-next-line import/no-unassigned-import -- Nest's decorators need the Reflect metadata polyfill loaded first
import 'reflect-metadata';
import { createServer, type Server } from 'node:http';
import { serve } from '@hono/node-server';
import { Router } from '@koa/router';
import { Controller, Module, RequestMapping, RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import express from 'express';
import Fastify from 'fastify';
import { Hono } from 'hono';
import Koa from 'koa';
import * as expressAdapter from '../../../adapters/express/index.js';
import * as fastifyAdapter from '../../../adapters/fastify/index.js';
import * as honoAdapter from '../../../adapters/hono/index.js';
import * as koaAdapter from '../../../adapters/koa/index.js';
import { FaultlineFilter } from '../../../adapters/nest/index.js';
import { announce, LOCALHOST, variantArg } from './shared.js';

const FRAMEWORKS = ['express', 'fastify', 'koa', 'hono', 'nest'] as const;
const variant = variantArg(FRAMEWORKS.flatMap((framework) => [`${framework}-on`, `${framework}-off`] as const));
const [framework, state] = variant.split('-') as [(typeof FRAMEWORKS)[number], 'on' | 'off'];
const options = { methodNotAllowed: state === 'on' };

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
/** An API's worth of routes: the unmatched request is compared against every one. */
const ROUTES: readonly (readonly [Method, string])[] = [
  ['GET', '/pins'],
  ['POST', '/pins'],
  ['GET', '/pins/:id'],
  ['PUT', '/pins/:id'],
  ['DELETE', '/pins/:id'],
  ['GET', '/pins/:id/files'],
  ['POST', '/pins/:id/files'],
  ['GET', '/users'],
  ['GET', '/users/:id'],
  ['PATCH', '/users/:id'],
  ['GET', '/users/:id/keys'],
  ['DELETE', '/users/:id/keys/:key'],
  ['GET', '/health'],
  ['GET', '/status'],
  ['POST', '/login'],
  ['POST', '/logout'],
];
const lower = (method: Method) => method.toLowerCase() as Lowercase<Method>;
const answerOk = () => ({ ok: true });

async function start(): Promise<Server> {
  switch (framework) {
    case 'express': {
      const app = express();
      for (const [method, path] of ROUTES) app[lower(method)](path, (_req, res) => void res.json({ ok: true }));
      app.use(expressAdapter.notFound(), expressAdapter.errorHandler(options));
      const server = createServer(app);
      await new Promise<void>((resolve) => server.listen(0, LOCALHOST, resolve));
      return server;
    }
    case 'fastify': {
      const app = Fastify();
      await app.register(fastifyAdapter.errorHandler(options));
      for (const [method, url] of ROUTES) app.route({ method, url, handler: async () => ({ ok: true }) });
      await app.listen({ port: 0, host: LOCALHOST });
      return app.server;
    }
    case 'koa': {
      const app = new Koa();
      app.silent = true;
      const router = new Router();
      for (const [method, path] of ROUTES) router[lower(method)](path, (ctx) => void (ctx.body = { ok: true }));
      app.use(koaAdapter.errorHandler(options));
      app.use(router.routes());
      const server = createServer(app.callback());
      await new Promise<void>((resolve) => server.listen(0, LOCALHOST, resolve));
      return server;
    }
    case 'hono': {
      const app = new Hono();
      app.onError(honoAdapter.errorHandler(options));
      for (const [method, path] of ROUTES) app.on(method, path, (c) => c.json({ ok: true }));
      app.notFound(honoAdapter.notFound(app, options));
      return new Promise((resolve) => {
        const server = serve({ fetch: app.fetch, port: 0, hostname: LOCALHOST }, () => resolve(server as Server));
      });
    }
    case 'nest': {
      // oxlint-disable-next-line typescript/no-extraneous-class -- filled in below, one handler per route
      const Routes = class {};
      for (const [index, [method, path]] of ROUTES.entries()) {
        // A function of its own per handler: Nest keeps a route's path and method on the function.
        Object.defineProperty(Routes.prototype, `route${index}`, { value: answerOk.bind(undefined), writable: true, configurable: true });
        RequestMapping({ path, method: RequestMethod[method] })(Routes.prototype, `route${index}`, Object.getOwnPropertyDescriptor(Routes.prototype, `route${index}`) as PropertyDescriptor);
      }
      Controller()(Routes);
      @Module({ controllers: [Routes] })
      // oxlint-disable-next-line typescript/no-extraneous-class -- a Nest module is a decorated class by design
      class BenchModule {}
      const app = await NestFactory.create(BenchModule, { logger: false });
      app.useGlobalFilters(new FaultlineFilter(options));
      await app.listen(0, LOCALHOST);
      return app.getHttpServer() as Server;
    }
  }
}

announce(await start());
