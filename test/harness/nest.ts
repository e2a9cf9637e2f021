import type { AddressInfo } from 'node:net';
import type { ServerResponse } from 'node:http';
import {
  All,
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Module,
  Param,
  Post,
  Res,
  type DynamicModule,
  type INestApplication,
  type LoggerService,
} from '@nestjs/common';
import { HttpAdapterHost, NestFactory } from '@nestjs/core';
import { ExpressAdapter, type NestExpressApplication } from '@nestjs/platform-express';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { FaultlineFilter } from '../../adapters/nest/index.js';
import { thrower, type AppSpec, type Harness, type LogEntry, type RunningApp } from './harness.js';

const SPEC = Symbol('harness spec');

/** Express hands handlers Node's response; Fastify its reply, with Node's response as `raw`. */
function nodeResponse(res: object): ServerResponse {
  return ('raw' in res ? res.raw : res) as ServerResponse;
}

/** The harness routes of `harness.ts`, as one Nest controller; the same on both platforms. */
@Controller()
class HarnessRoutes {
  constructor(
    @Inject(SPEC) private readonly spec: AppSpec,
    @Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost,
  ) {}

  @All('throw/:name')
  throwNow(@Param('name') name: string): never {
    throw thrower(this.spec, name)();
  }

  @All('async/:name')
  async throwLater(@Param('name') name: string): Promise<never> {
    await Promise.resolve();
    throw thrower(this.spec, name)();
  }

  @Post('json')
  @HttpCode(200)
  json(@Body() _body: unknown): { ok: true } {
    return { ok: true };
  }

  @Get('ok')
  ok(): { ok: true } {
    return { ok: true };
  }

  @Get('cors/:name')
  cors(@Param('name') name: string, @Res({ passthrough: true }) res: object): never {
    this.adapterHost.httpAdapter.setHeader(res, 'Access-Control-Allow-Origin', '*');
    this.adapterHost.httpAdapter.setHeader(res, 'Vary', 'Origin');
    throw thrower(this.spec, name)();
  }

  @Get('stale/:name')
  stale(@Param('name') name: string, @Res({ passthrough: true }) res: object): never {
    this.adapterHost.httpAdapter.setHeader(res, 'ETag', '"abc"');
    this.adapterHost.httpAdapter.setHeader(res, 'Content-Disposition', 'attachment; filename="x.csv"');
    this.adapterHost.httpAdapter.setHeader(res, 'Content-Language', 'de');
    this.adapterHost.httpAdapter.setHeader(res, 'Content-Length', '3');
    throw thrower(this.spec, name)();
  }

  @Get('sent')
  sent(@Res() res: object): never {
    const raw = nodeResponse(res);
    raw.writeHead(200, { 'content-type': 'text/plain' });
    raw.write('partial');
    throw new Error('failed mid-body');
  }
}

@Module({})
// oxlint-disable-next-line typescript/no-extraneous-class -- a Nest module is a decorated class by design
class HarnessModule {}

function harnessModule(spec: AppSpec, controllers: readonly (new (...args: never[]) => object)[]): DynamicModule {
  return { module: HarnessModule, controllers: [...controllers], providers: [{ provide: SPEC, useValue: spec }] };
}

export type NestPlatform = 'express' | 'fastify';

/**
 * A Nest app on either platform, wired as a Nest user wires faultline: the JSON body limit set
 * the platform's way, `app.useGlobalFilters(new FaultlineFilter(options))`. `controllers` replaces
 * the harness routes (for Nest-specific tests); `setup` runs before listening.
 */
export async function startNest(
  platform: NestPlatform,
  spec: AppSpec,
  extra: {
    readonly controllers?: readonly (new (...args: never[]) => object)[];
    readonly imports?: readonly DynamicModule[];
    readonly globalFilter?: boolean;
    readonly setup?: (app: INestApplication) => void;
    /** Fastify's server options besides the body limit (`http2`, `https`), on platform-fastify. */
    readonly fastify?: Record<string, unknown>;
  } = {},
): Promise<RunningApp> {
  const root: DynamicModule = {
    ...harnessModule(spec, extra.controllers ?? [HarnessRoutes]),
    imports: [...(extra.imports ?? [])],
  };
  const common = { logger: spec.log === undefined ? (false as const) : loggerService(spec.log), forceCloseConnections: true };
  let app: INestApplication;
  if (platform === 'express') {
    const express = await NestFactory.create<NestExpressApplication>(root, new ExpressAdapter(), common);
    express.useBodyParser('json', { limit: '1kb' });
    app = express;
  } else {
    const adapter = new FastifyAdapter({ bodyLimit: 1024, ...extra.fastify } as ConstructorParameters<typeof FastifyAdapter>[0]);
    app = await NestFactory.create<NestFastifyApplication>(root, adapter, common);
  }
  if (extra.globalFilter !== false) app.useGlobalFilters(new FaultlineFilter(spec.options));
  extra.setup?.(app);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const scheme = extra.fastify?.['https'] === undefined ? 'http' : 'https';
  return { url: `${scheme}://127.0.0.1:${port}`, close: () => app.close() };
}

/** A Nest LoggerService writing each call as one entry: `[context] message`, then the stack. */
function loggerService(log: (entry: LogEntry) => void): LoggerService {
  const entry = (level: LogEntry['level']) => (message: unknown, ...rest: unknown[]) => log({ level, text: [message, ...rest].map(String).join('\n') });
  return { error: entry('error'), warn: entry('warn'), log: entry('info'), debug: entry('debug'), verbose: entry('debug'), fatal: entry('error') };
}

export const nestHarness: Harness = {
  framework: 'nest',
  start: (spec) => startNest('express', spec),
};
