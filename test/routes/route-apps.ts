// One route table, built on every framework the way its users build routes, for the 405 tests:
// top-level routes, and a group mounted under a prefix (an Express Router, a Fastify plugin with a
// prefix, a prefixed @koa/router, a Hono sub-app, a Nest controller, an h3 app mounted with
// `app.mount()`, an Elysia plugin with a prefix). Every route answers 200.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { Router } from '@koa/router';
import { Controller, Module, RequestMapping, RequestMethod, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import express from 'express';
import express4 from 'express4';
import Fastify from 'fastify';
import { Elysia } from 'elysia';
import { H3, toNodeHandler } from 'h3';
import { Hono } from 'hono';
import Koa from 'koa';
import Koa2 from 'koa2';
import { errorHandler as expressErrorHandler, notFound as expressNotFound } from '../../adapters/express/index.js';
import { errorHandler as elysiaErrorHandler } from '../../adapters/elysia/index.js';
import { errorHandler as fastifyErrorHandler } from '../../adapters/fastify/index.js';
import { errorHandler as h3ErrorHandler } from '../../adapters/h3/index.js';
import { errorBoundary, errorHandler as honoErrorHandler, notFound as honoNotFound } from '../../adapters/hono/index.js';
import { errorHandler as koaErrorHandler, notFound as koaNotFound } from '../../adapters/koa/index.js';
import { FaultlineFilter } from '../../adapters/nest/index.js';
import type { FaultlineOptions } from '../../src/index.js';
import type { RunningApp } from '../harness/harness.js';
import { listen } from '../support/http.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

export interface Route {
  readonly method: Method;
  readonly path: string;
}

export interface RouteTable {
  readonly routes: readonly Route[];
  readonly group: { readonly prefix: string; readonly routes: readonly Route[] };
}

export interface RouteFramework {
  readonly name: string;
  start(table: RouteTable, options?: FaultlineOptions): Promise<RunningApp>;
}

const lower = (method: Method) => method.toLowerCase() as Lowercase<Method>;

function expressFramework(name: string, framework: typeof express): RouteFramework {
  return {
    name,
    start(table, options) {
      const app = framework();
      for (const route of table.routes) app[lower(route.method)](route.path, (_req, res) => void res.send('ok'));
      const group = framework.Router();
      for (const route of table.group.routes) group[lower(route.method)](route.path, (_req, res) => void res.send('ok'));
      app.use(table.group.prefix, group);
      app.use(expressNotFound(), expressErrorHandler(options));
      return listen(createServer(app));
    },
  };
}

function koaFramework(name: string, KoaApplication: typeof Koa): RouteFramework {
  return {
    name,
    start(table, options) {
      const app = new KoaApplication();
      app.silent = true;
      const router = new Router();
      for (const route of table.routes) router[lower(route.method)](route.path, (ctx) => void (ctx.body = 'ok'));
      const group = new Router({ prefix: table.group.prefix });
      for (const route of table.group.routes) group[lower(route.method)](route.path, (ctx) => void (ctx.body = 'ok'));
      app.use(koaErrorHandler(options));
      app.use(router.routes());
      app.use(group.routes());
      app.use(koaNotFound());
      return listen(createServer(app.callback()));
    },
  };
}

const fastifyFramework: RouteFramework = {
  name: 'fastify',
  async start(table, options) {
    const app = Fastify();
    await app.register(fastifyErrorHandler(options));
    for (const route of table.routes) app.route({ method: route.method, url: route.path, handler: async () => 'ok' });
    await app.register(
      async (group) => {
        for (const route of table.group.routes) group.route({ method: route.method, url: route.path, handler: async () => 'ok' });
      },
      { prefix: table.group.prefix },
    );
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    return { url: `http://127.0.0.1:${port}`, close: () => app.close() };
  },
};

const honoFramework: RouteFramework = {
  name: 'hono',
  start(table, options) {
    const app = new Hono();
    app.use(errorBoundary(options));
    app.onError(honoErrorHandler(options));
    for (const route of table.routes) app.on(route.method, route.path, (c) => c.text('ok'));
    const group = new Hono();
    for (const route of table.group.routes) group.on(route.method, route.path, (c) => c.text('ok'));
    app.route(table.group.prefix, group);
    app.notFound(honoNotFound(app, options));
    return listen(createAdaptorServer({ fetch: app.fetch }) as ReturnType<typeof createServer>);
  },
};

const h3Framework: RouteFramework = {
  name: 'h3',
  start(table, options) {
    const app = new H3({ onError: h3ErrorHandler(options), silent: true });
    for (const route of table.routes) app.on(route.method, route.path, () => 'ok');
    const group = new H3();
    for (const route of table.group.routes) group.on(route.method, route.path, () => 'ok');
    app.mount(table.group.prefix, group);
    return listen(createServer(toNodeHandler(app)));
  },
};

const elysiaFramework: RouteFramework = {
  name: 'elysia',
  start(table, options) {
    let app: Elysia = new Elysia().use(elysiaErrorHandler(options)) as unknown as Elysia;
    for (const route of table.routes) app = app.route(route.method, route.path, () => 'ok') as unknown as Elysia;
    let group: Elysia = new Elysia({ prefix: table.group.prefix }) as unknown as Elysia;
    for (const route of table.group.routes) group = group.route(route.method, route.path, () => 'ok') as unknown as Elysia;
    app.use(group);
    return listen(createAdaptorServer({ fetch: (request: Request) => app.handle(request) }) as ReturnType<typeof createServer>);
  },
};

const answerOk = (): string => 'ok';

/** A controller class at `prefix` with one handler per route, decorated as `@Get(path)` would. */
function controllerFor(prefix: string, routes: readonly Route[]): new () => object {
  // oxlint-disable-next-line typescript/no-extraneous-class -- filled in below, one handler per route
  const routed = class {};
  for (const [index, route] of routes.entries()) {
    const key = `route${index}`;
    // A function of its own per handler: Nest keeps a route's path and method on the function.
    Object.defineProperty(routed.prototype, key, { value: answerOk.bind(undefined), writable: true, configurable: true });
    const descriptor = Object.getOwnPropertyDescriptor(routed.prototype, key) as PropertyDescriptor;
    RequestMapping({ path: route.path, method: RequestMethod[route.method] })(routed.prototype, key, descriptor);
  }
  Controller(prefix)(routed);
  return routed;
}

@Module({})
// oxlint-disable-next-line typescript/no-extraneous-class -- a Nest module is a decorated class by design
class RoutesModule {}

function nestFramework(name: string, platform: 'express' | 'fastify'): RouteFramework {
  return {
    name,
    async start(table, options) {
      const root: DynamicModule = {
        module: RoutesModule,
        controllers: [controllerFor('', table.routes), controllerFor(table.group.prefix, table.group.routes)],
      };
      const common = { logger: false, forceCloseConnections: true } as const;
      const app = await NestFactory.create(root, platform === 'express' ? new ExpressAdapter() : new FastifyAdapter(), common);
      app.useGlobalFilters(new FaultlineFilter(options));
      await app.listen(0, '127.0.0.1');
      const { port } = app.getHttpServer().address() as AddressInfo;
      return { url: `http://127.0.0.1:${port}`, close: () => app.close() };
    },
  };
}

/** Every adapter, each framework wired as its users wire it. */
export const ROUTE_FRAMEWORKS: readonly RouteFramework[] = [
  expressFramework('express', express),
  expressFramework('express4', express4),
  fastifyFramework,
  honoFramework,
  koaFramework('koa', Koa),
  koaFramework('koa2', Koa2),
  nestFramework('nest', 'express'),
  nestFramework('nest-fastify', 'fastify'),
  h3Framework,
  elysiaFramework,
];
