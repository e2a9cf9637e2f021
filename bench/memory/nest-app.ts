// oxlint-disable-next-line import/no-unassigned-import -- Nest's decorators need the Reflect metadata polyfill loaded first
import 'reflect-metadata';
import { Controller, Get, Module, Param } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import { FaultlineFilter } from '../../adapters/nest/index.js';
import type { FaultlineOptions } from '../../src/index.js';
import type { Listener } from './apps.js';
import { thrownAt } from './thrown.js';

@Controller('pins')
class PinsController {
  @Get(':id')
  get(@Param('id') id: string): never {
    throw thrownAt(Number(id));
  }
}

@Module({ controllers: [PinsController] })
// oxlint-disable-next-line typescript/no-extraneous-class -- a Nest module is a decorated class by design
class MemoryModule {}

/** The Nest app's request listener, on platform-express or platform-fastify. */
export async function nestApp(onFastify: boolean, options: FaultlineOptions): Promise<Listener> {
  const app = onFastify
    ? await NestFactory.create(MemoryModule, new FastifyAdapter(), { logger: false })
    : await NestFactory.create(MemoryModule, { logger: false });
  app.useGlobalFilters(new FaultlineFilter(options));
  await app.init();
  const instance = app.getHttpAdapter().getInstance() as unknown;
  if (!onFastify) return instance as Listener;
  await (instance as FastifyInstance).ready();
  return (instance as FastifyInstance).routing as Listener;
}
