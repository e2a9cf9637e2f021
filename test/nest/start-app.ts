// A Nest app for the decorator tests (@Validate, @RateLimit) on either platform, wired as a user
// wires faultline: the global filter by `app.useGlobalFilters(new FaultlineFilter(filter))`, or by
// importing `FaultlineModule.forRoot(...)`; trust proxy set the platform's own way.
import type { AddressInfo } from 'node:net';
import { Module, type DynamicModule, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter, type NestExpressApplication } from '@nestjs/platform-express';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { FaultlineFilter } from '../../adapters/nest/index.js';
import type { FaultlineOptions } from '../../src/index.js';
import type { NestPlatform } from '../harness/nest.js';
import type { RunningApp } from '../harness/harness.js';

@Module({})
// oxlint-disable-next-line typescript/no-extraneous-class -- a Nest module is a decorated class by design
class DecoratorTestModule {}

export interface NestAppSpec {
  readonly controllers: readonly (new (...args: never[]) => object)[];
  /** Options of a `FaultlineFilter` registered with `useGlobalFilters`; absent with `imports`. */
  readonly filter?: FaultlineOptions;
  readonly imports?: readonly DynamicModule[];
  /** `app.set('trust proxy', …)` on Express, `new FastifyAdapter({ trustProxy })` on Fastify. */
  readonly trustProxy?: string;
  /** Anything else set on the app before it listens (`useGlobalPipes`). */
  readonly setup?: (app: INestApplication) => void;
}

export async function startNestApp(platform: NestPlatform, spec: NestAppSpec): Promise<RunningApp> {
  const root: DynamicModule = { module: DecoratorTestModule, controllers: [...spec.controllers], imports: [...(spec.imports ?? [])] };
  const common = { logger: false, forceCloseConnections: true } as const;
  let app: INestApplication;
  if (platform === 'express') {
    const express = await NestFactory.create<NestExpressApplication>(root, new ExpressAdapter(), common);
    if (spec.trustProxy !== undefined) express.set('trust proxy', spec.trustProxy);
    app = express;
  } else {
    const adapter = new FastifyAdapter(spec.trustProxy === undefined ? {} : { trustProxy: spec.trustProxy });
    app = await NestFactory.create<NestFastifyApplication>(root, adapter, common);
  }
  if (spec.imports === undefined) app.useGlobalFilters(new FaultlineFilter(spec.filter));
  spec.setup?.(app);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => app.close() };
}
