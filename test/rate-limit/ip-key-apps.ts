// One rate-limited app per framework, keyed the framework's own way (its default key, or on Hono
// the connection's address), for the IPv6 key tests: the limiter is passed in, so two apps (one
// listening on IPv4 only, one dual-stack) can share one bucket table.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { Controller, Get, Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter, type NestExpressApplication } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import express from 'express';
import express4 from 'express4';
import Fastify from 'fastify';
import { Hono } from 'hono';
import Koa from 'koa';
import type { RateLimiterMemory } from 'rate-limiter-flexible';
import * as expressAdapter from '../../adapters/express/index.js';
import * as fastifyAdapter from '../../adapters/fastify/index.js';
import * as honoAdapter from '../../adapters/hono/index.js';
import * as koaAdapter from '../../adapters/koa/index.js';
import { FaultlineFilter, RateLimit } from '../../adapters/nest/index.js';
import type { RunningApp } from '../harness/harness.js';
import type { RateLimitOptions } from '../../src/kit.js';

/** Where the app listens: IPv4 only, or dual-stack (IPv4 clients then appear as `::ffff:a.b.c.d`). */
export type Host = '127.0.0.1' | '::';

export interface KeyAppSpec {
  readonly limiter: RateLimiterMemory;
  readonly host: Host;
  /** Trust the loopback proxy's X-Forwarded-For, the framework's way. */
  readonly trustProxy: boolean;
  readonly onError?: RateLimitOptions['onError'];
  /** Hono only: the key, as a Hono app behind a proxy writes it. */
  readonly honoKey?: Parameters<typeof honoAdapter.rateLimit>[0]['key'];
}

export interface KeyFramework {
  readonly name: string;
  start(spec: KeyAppSpec): Promise<RunningApp>;
}

async function listenOn(server: Server, host: Host): Promise<RunningApp> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const rateLimitOptions = (spec: KeyAppSpec) => ({ limiter: spec.limiter, ...(spec.onError === undefined ? {} : { onError: spec.onError }) });

function expressFramework(name: string, framework: typeof express): KeyFramework {
  return {
    name,
    start(spec) {
      const app = framework();
      if (spec.trustProxy) app.set('trust proxy', 'loopback');
      app.use(expressAdapter.rateLimit(rateLimitOptions(spec)));
      app.get('/ok', (_req, res) => void res.json({ ok: true }));
      app.use(expressAdapter.notFound(), expressAdapter.errorHandler());
      return listenOn(createServer(app), spec.host);
    },
  };
}

const koaFramework: KeyFramework = {
  name: 'koa',
  start(spec) {
    const app = new Koa();
    app.silent = true;
    app.proxy = spec.trustProxy;
    app.use(koaAdapter.errorHandler());
    app.use(koaAdapter.rateLimit(rateLimitOptions(spec)));
    app.use((ctx) => void (ctx.body = { ok: true }));
    return listenOn(createServer(app.callback()), spec.host);
  },
};

const fastifyFramework: KeyFramework = {
  name: 'fastify',
  async start(spec) {
    const app = Fastify(spec.trustProxy ? { trustProxy: 'loopback' } : {});
    await app.register(fastifyAdapter.errorHandler());
    app.addHook('onRequest', fastifyAdapter.rateLimit(rateLimitOptions(spec)));
    app.get('/ok', async () => ({ ok: true }));
    await app.listen({ port: 0, host: spec.host });
    const { port } = app.server.address() as AddressInfo;
    return { url: `http://127.0.0.1:${port}`, close: () => app.close() };
  },
};

const honoFramework: KeyFramework = {
  name: 'hono',
  start(spec) {
    const app = new Hono();
    app.use(honoAdapter.errorBoundary());
    app.onError(honoAdapter.errorHandler());
    app.use(honoAdapter.rateLimit({ ...rateLimitOptions(spec), ...(spec.honoKey === undefined ? {} : { key: spec.honoKey }) }));
    app.get('/ok', (c) => c.json({ ok: true }));
    return listenOn(createAdaptorServer({ fetch: app.fetch }) as Server, spec.host);
  },
};

@Module({})
// oxlint-disable-next-line typescript/no-extraneous-class -- a Nest module is a decorated class by design
class KeyModule {}

function nestFramework(name: string, platform: 'express' | 'fastify'): KeyFramework {
  return {
    name,
    async start(spec) {
      // A decorator's limiter is its bucket table: a controller class per app.
      @Controller()
      @RateLimit(rateLimitOptions(spec))
      class OkController {
        @Get('ok')
        ok(): { ok: true } {
          return { ok: true };
        }
      }
      const root: DynamicModule = { module: KeyModule, controllers: [OkController] };
      const common = { logger: false, forceCloseConnections: true } as const;
      const app =
        platform === 'express'
          ? await NestFactory.create<NestExpressApplication>(root, new ExpressAdapter(), common)
          : await NestFactory.create(root, new FastifyAdapter(spec.trustProxy ? { trustProxy: 'loopback' } : {}), common);
      if (platform === 'express' && spec.trustProxy) (app as NestExpressApplication).set('trust proxy', 'loopback');
      app.useGlobalFilters(new FaultlineFilter());
      await app.listen(0, spec.host);
      const { port } = app.getHttpServer().address() as AddressInfo;
      return { url: `http://127.0.0.1:${port}`, close: () => app.close() };
    },
  };
}

export const KEY_FRAMEWORKS: readonly KeyFramework[] = [
  expressFramework('express', express),
  expressFramework('express4', express4),
  koaFramework,
  fastifyFramework,
  honoFramework,
  nestFramework('nest', 'express'),
  nestFramework('nest-fastify', 'fastify'),
];
