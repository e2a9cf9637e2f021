// NestJS 12 on platform-express (or platform-fastify with `--platform=fastify`): the 404 route
// through FaultlineFilter, a minimal hand-written filter, or answered directly by the handler.
// oxlint-disable-next-line import/no-unassigned-import -- Nest's decorators need the Reflect metadata polyfill loaded first
import 'reflect-metadata';
import { Catch, Controller, Get, Module, Res, type ArgumentsHost, type ExceptionFilter, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import createError from 'http-errors';
import { FaultlineFilter } from '../../../adapters/nest/index.js';
import { errors } from '../../../src/index.js';
import { AFTER_LOOKUP, afterLookup, announce, DIRECT, ERROR_VARIANTS, HAND_HEADERS, handBody, LOCALHOST, thrower, variantArg } from './shared.js';

const variant = variantArg(ERROR_VARIANTS);
const onFastify = process.argv.includes('--platform=fastify');
const make = variant === 'direct' ? () => undefined : thrower(variant, () => errors.notFound(), () => createError(404));

/** What the handlers use of Express's `res` and Fastify's `reply` alike. */
interface Reply {
  raw?: { writeHead(status: number, headers: Readonly<Record<string, string>>): { end(body: Uint8Array): void } };
  writeHead?(status: number, headers: Readonly<Record<string, string>>): { end(body: string): void };
  code?(status: number): Reply;
  headers?(values: Readonly<Record<string, string>>): Reply;
  send?(body: Uint8Array): void;
  statusCode?: number;
  setHeader?(name: string, value: string): void;
  end?(body: string): void;
}

const raise = (): never => {
  throw make();
};

@Controller('pins')
class PinsController {
  @Get(':id')
  get(): Promise<never> {
    // At once, the handler throws in the turn that parsed the request (Nest awaits it either way).
    return AFTER_LOOKUP ? afterLookup(raise) : raise();
  }
}

@Controller('pins')
class DirectController {
  @Get(':id')
  get(@Res() res: Reply): Promise<void> | void {
    const write = (): void => {
      if (onFastify) res.code?.(DIRECT.status).headers?.(DIRECT.headers).send?.(DIRECT.bytes);
      else res.writeHead?.(DIRECT.status, DIRECT.headers).end(DIRECT.text);
    };
    return AFTER_LOOKUP ? afterLookup(write) : write();
  }
}

@Module({ controllers: [variant === 'direct' ? DirectController : PinsController] })
// oxlint-disable-next-line typescript/no-extraneous-class -- a Nest module is a decorated class by design
class BenchModule {}

@Catch()
class HandFilter implements ExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): void {
    const { status, body } = handBody(error);
    const res = host.switchToHttp().getResponse<Reply>();
    if (onFastify) {
      res.code?.(status).headers?.(HAND_HEADERS).send?.(Buffer.from(body));
      return;
    }
    res.statusCode = status;
    for (const name in HAND_HEADERS) res.setHeader?.(name, HAND_HEADERS[name] as string);
    res.end?.(body);
  }
}

const app: INestApplication = onFastify
  ? await NestFactory.create(BenchModule, new FastifyAdapter(), { logger: false })
  : await NestFactory.create(BenchModule, { logger: false });
// Every server of a group sends the same headers; Express alone would add its name.
if (!onFastify) (app.getHttpAdapter().getInstance() as { disable(setting: string): void }).disable('x-powered-by');
if (variant === 'faultline') app.useGlobalFilters(new FaultlineFilter());
if (variant === 'http-errors' || variant === 'stackless') app.useGlobalFilters(new HandFilter());
await app.listen(0, LOCALHOST);
announce(app.getHttpServer());
