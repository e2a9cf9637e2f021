// NestJS 12 on platform-express: the 404 route through FaultlineFilter or a minimal hand-written filter.
// oxlint-disable-next-line import/no-unassigned-import -- Nest's decorators need the Reflect metadata polyfill loaded first
import 'reflect-metadata';
import { Catch, Controller, Get, Module, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Response } from 'express';
import createError from 'http-errors';
import { FaultlineFilter } from '../../../adapters/nest/index.js';
import { errors } from '../../../src/index.js';
import { announce, HAND_HEADERS, handBody, LOCALHOST, StacklessError, variantArg } from './shared.js';

const variant = variantArg(['faultline', 'http-errors', 'stackless'] as const);
const make = variant === 'faultline' ? () => errors.notFound() : variant === 'http-errors' ? () => createError(404) : () => new StacklessError(404, 'Not Found');

@Controller('pins')
class PinsController {
  @Get(':id')
  get(): never {
    throw make();
  }
}

@Module({ controllers: [PinsController] })
// oxlint-disable-next-line typescript/no-extraneous-class -- a Nest module is a decorated class by design
class BenchModule {}

@Catch()
class HandFilter implements ExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): void {
    const { status, body } = handBody(error);
    host.switchToHttp().getResponse<Response>().status(status).set(HAND_HEADERS).send(body);
  }
}

const app = await NestFactory.create(BenchModule, { logger: false });
app.useGlobalFilters(variant === 'faultline' ? new FaultlineFilter() : new HandFilter());
await app.listen(0, LOCALHOST);
announce(app.getHttpServer());
