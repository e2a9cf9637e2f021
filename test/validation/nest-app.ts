// Nest wired for the validation contract, on platform-express or platform-fastify: the platform's
// JSON body parser limited to BODY_LIMIT, `FaultlineFilter` as the global filter, and one
// controller whose handlers carry `@Validate(schemas, options)` and read the request the Nest way
// (`@Body()`, `@Query()`, `@Param()`), so coerced values are checked where a Nest user reads them.
import type { AddressInfo } from 'node:net';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  Module,
  Param,
  Post,
  Query,
  UseInterceptors,
  type DynamicModule,
  type INestApplication,
  type NestInterceptor,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter, type NestExpressApplication } from '@nestjs/platform-express';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { FaultlineFilter, Validate, ValidateInterceptor } from '../../adapters/nest/index.js';
import { errors } from '../../src/index.js';
import { BODY_MESSAGES } from '../../src/kit.js';
import type { NestPlatform } from '../harness/nest.js';
import { BODY_LIMIT, type ValidatedRoute, type ValidationHarness } from './harness.js';

type MethodDecorator = (target: object, key: string | symbol, descriptor: PropertyDescriptor) => void;

/** One controller class per app: a handler per route, decorated as a user would write it. */
function controllerFor(routes: readonly ValidatedRoute[]): new () => object {
  @Controller()
  // oxlint-disable-next-line typescript/no-extraneous-class -- its handlers are added below, one per route
  class ValidatedRoutes {}
  const prototype = ValidatedRoutes.prototype as unknown as Record<string, unknown>;
  routes.forEach((route, index) => {
    const name = `route${index}`;
    prototype[name] = (body: unknown, query: unknown, params: unknown) => ({ body: body ?? null, query, params });
    Body()(prototype, name, 0);
    Query()(prototype, name, 1);
    Param()(prototype, name, 2);
    const decorators: MethodDecorator[] = [
      route.method === 'GET' ? Get(route.path) : Post(route.path),
      HttpCode(200),
      route.perRequest === true ? UseInterceptors(madePerRequest(route)) : Validate(route.schemas, route.options),
    ];
    const descriptor = Object.getOwnPropertyDescriptor(prototype, name) as PropertyDescriptor;
    for (const decorate of decorators) decorate(prototype, name, descriptor);
  });
  return ValidatedRoutes;
}

/** The contract's "made on every request": a fresh ValidateInterceptor per request, as a handler-level helper would. */
function madePerRequest(route: ValidatedRoute): NestInterceptor {
  return { intercept: (context, next) => new ValidateInterceptor(route.schemas, route.options).intercept(context, next) };
}

@Module({})
// oxlint-disable-next-line typescript/no-extraneous-class -- a Nest module is a decorated class by design
class ValidationModule {}

async function startValidationApp(platform: NestPlatform, spec: Parameters<ValidationHarness['start']>[0]) {
  const root: DynamicModule = { module: ValidationModule, controllers: [controllerFor(spec.routes)] };
  const common = { logger: false, forceCloseConnections: true } as const;
  let app: INestApplication;
  if (platform === 'express') {
    const express = await NestFactory.create<NestExpressApplication>(root, new ExpressAdapter(), common);
    express.useBodyParser('json', { limit: spec.bodyLimit ?? BODY_LIMIT });
    app = express;
  } else {
    app = await NestFactory.create<NestFastifyApplication>(root, new FastifyAdapter({ bodyLimit: spec.bodyLimit ?? BODY_LIMIT }), common);
  }
  app.useGlobalFilters(new FaultlineFilter(spec.handler));
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => app.close() };
}

export const nestValidationHarness: ValidationHarness = {
  framework: 'nest',
  start: (spec) => startValidationApp('express', spec),
};

export const nestFastifyValidationHarness: ValidationHarness = {
  framework: 'nest-fastify',
  differences: [
    {
      probe: 'a __proto__ member is just a field',
      thrown: () => errors.badRequest(BODY_MESSAGES.malformed),
      reason:
        "Fastify parses JSON with prototype poisoning protection (`onProtoPoisoning: 'error'`): a body with a `__proto__` key is refused as malformed JSON before @Validate runs",
    },
  ],
  start: (spec) => startValidationApp('fastify', spec),
};
