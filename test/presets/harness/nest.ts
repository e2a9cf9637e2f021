// Nest wired for the preset examples, on platform-express and platform-fastify: the Nest harness
// of the adapter contract (JSON body limit 1 kB the platform's way, `FaultlineFilter` as the global
// filter) with the preset routes as one controller. A route's prebuilt response (not an error) is
// written through `@Res()`, as a Nest handler that answers by hand does.
import { All, Body, Controller, Param, Post, Req, Res } from '@nestjs/common';
import type { ErrorResponse } from '../../../src/index.js';
import { startNest, type NestPlatform } from '../../harness/nest.js';
import { presetRoute, type PresetAppSpec, type PresetHarness, type PresetRequest } from './preset-harness.js';

interface IncomingLike {
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

/** Express's `res` and Fastify's `reply` answer the same three calls, each its own way. */
interface ReplyLike {
  status?(code: number): unknown;
  set?(headers: Record<string, string>): unknown;
  code?(code: number): unknown;
  headers?(headers: Record<string, string>): unknown;
  send(body?: string): unknown;
}

function send(res: ReplyLike, response: ErrorResponse): void {
  if (typeof res.code === 'function' && typeof res.headers === 'function') {
    res.code(response.status);
    res.headers({ ...response.headers });
  } else {
    res.status?.(response.status);
    res.set?.({ ...response.headers });
  }
  res.send(response.body ?? undefined);
}

function requestOf(req: IncomingLike, body: unknown): PresetRequest {
  const header = (name: string) => {
    const value = req.headers[name.toLowerCase()];
    return Array.isArray(value) ? value.join(', ') : value;
  };
  return { header, body };
}

function presetController(spec: PresetAppSpec): new () => object {
  @Controller()
  class PresetRoutes {
    @All('r/:name')
    async run(@Param('name') name: string, @Req() req: IncomingLike, @Res() res: ReplyLike): Promise<void> {
      send(res, await presetRoute(spec, name)(requestOf(req, undefined)));
    }

    @Post('upload/:name')
    async upload(@Param('name') name: string, @Req() req: IncomingLike, @Body() body: unknown, @Res() res: ReplyLike): Promise<void> {
      send(res, await presetRoute(spec, name)(requestOf(req, body)));
    }
  }
  return PresetRoutes;
}

function nestPreset(platform: NestPlatform): PresetHarness {
  return {
    framework: platform === 'express' ? 'nest' : 'nest-fastify',
    start: (spec: PresetAppSpec) => startNest(platform, { options: spec.options, throwers: {} }, { controllers: [presetController(spec)] }),
  };
}

export const nestPresetHarness = nestPreset('express');
export const nestFastifyPresetHarness = nestPreset('fastify');
