import {
  BadGatewayException,
  Body,
  ConflictException,
  ForbiddenException,
  HttpException,
  HttpStatus,
  Controller,
  Get,
  Post,
  UnauthorizedException,
  UseGuards,
  ValidationPipe,
  type CanActivate,
} from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsArray, IsString, Length, ValidateNested } from 'class-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Envelope, FaultlineModule, MapErrors } from '../../adapters/nest/index.js';
import { errors, type Fault, type FaultlineOptions } from '../../src/index.js';
import { startNest, type NestPlatform } from '../harness/nest.js';
import type { RunningApp } from '../harness/harness.js';
import { request } from '../support/http.js';

class AccountNotFound extends Error {}
class AccountFrozen extends Error {}
class LegacyGone extends Error {}

class DenyAll implements CanActivate {
  canActivate(): boolean {
    throw new UnauthorizedException('Token expired');
  }
}

/** No decorator: the app's own options. */
@Controller('plain')
class PlainController {
  @Get('missing')
  missing(): never {
    throw new AccountNotFound('No account 7');
  }

  @Get('bug')
  bug(): never {
    throw new Error('db password is hunter2');
  }

  @Get('conflict')
  conflict(): never {
    throw new ConflictException('Duplicate token name', { cause: Object.assign(new Error('dup key'), { type: 'x' }) });
  }

  @Get('forbidden')
  forbidden(): never {
    throw new ForbiddenException({ message: 'Token does not have the required scope', code: 'missing_scope' });
  }

  @Get('teapot')
  teapot(): never {
    throw new HttpException('I am a teapot', HttpStatus.I_AM_A_TEAPOT);
  }

  @Get('gateway')
  gateway(): never {
    throw new BadGatewayException('upstream 10.0.0.7 refused');
  }
}

@Controller('v1')
@Envelope('numeric-code')
@MapErrors(AccountNotFound, 404)
@MapErrors(AccountFrozen, { status: 423, code: 'ACCOUNT_FROZEN', numericCode: 40002 })
class V1Controller {
  @Get('inherits')
  inherits(): never {
    throw errors.notFound('No pin with that id');
  }

  @Get('own')
  @Envelope('status-object')
  own(): never {
    throw errors.notFound('No pin with that id');
  }

  @Get('missing')
  missing(): never {
    throw new AccountNotFound('No account 7');
  }

  @Get('frozen')
  frozen(): never {
    throw new AccountFrozen('Account 7 is frozen');
  }

  @Get('handler-map')
  @MapErrors(AccountNotFound, { status: 410, code: 'ACCOUNT_CLOSED' })
  @MapErrors(LegacyGone, (e: LegacyGone) => errors.gone(`gone: ${e.message}`))
  handlerMap(): never {
    throw new AccountNotFound('No account 7');
  }

  @Get('handler-map-fn')
  @MapErrors(AccountNotFound, { status: 410, code: 'ACCOUNT_CLOSED' })
  @MapErrors(LegacyGone, (e: LegacyGone) => errors.gone(`gone: ${e.message}`))
  handlerMapFn(): never {
    throw new LegacyGone('v0 endpoint');
  }

  @Get('guarded')
  @UseGuards(DenyAll)
  guarded(): string {
    return 'never';
  }

  @Get('bug')
  bug(): never {
    throw new Error('db password is hunter2');
  }
}

class PinOriginDto {
  @IsString()
  cid!: string;
}

class CreatePinDto {
  @IsString()
  @Length(1, 255)
  name!: string;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => PinOriginDto)
  pins!: PinOriginDto[];
}

@Controller('pins')
class PinsController {
  @Post()
  create(@Body() body: CreatePinDto): CreatePinDto {
    return body;
  }
}

@Controller('problems')
@Envelope('problem-details')
class ProblemsController {
  @Post()
  create(@Body() body: CreatePinDto): CreatePinDto {
    return body;
  }
}

const CONTROLLERS = [PlainController, V1Controller, PinsController, ProblemsController];
const OPTIONS: FaultlineOptions = { envelope: 'error-message-code', messages: { 500: 'An unexpected error occurred' } };
const INVALID_PIN = JSON.stringify({ name: 5, pins: [{ cid: 'ok' }, { cid: 7 }] });

function post(url: string, body: string): Promise<ReturnType<typeof request> extends Promise<infer R> ? R : never> {
  return request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
}

describe.each(['express', 'fastify'] as NestPlatform[])('nest on %s', (platform) => {
  describe('FaultlineFilter with decorators', () => {
    let app: RunningApp;
    const seen: Fault[] = [];
    beforeAll(async () => {
      app = await startNest(
        platform,
        { options: { ...OPTIONS, onError: (fault) => seen.push(fault) }, throwers: {} },
        {
          controllers: CONTROLLERS,
          setup: (nest) => nest.useGlobalPipes(new ValidationPipe()),
        },
      );
    });
    afterAll(() => app.close());

    it('an undecorated controller uses the app envelope, and the app map only', async () => {
      const res = await request(`${app.url}/plain/missing`);
      expect(res.status).toBe(500);
      expect(res.text).toBe('{"error":"Internal Server Error","message":"An unexpected error occurred","code":"INTERNAL_SERVER_ERROR"}');
    });

    it("Nest's HttpException family keeps its status and message; a cause never unwraps a hand-thrown one", async () => {
      const conflict = await request(`${app.url}/plain/conflict`);
      expect(conflict.status).toBe(409);
      expect(conflict.text).toBe('{"error":"Conflict","message":"Duplicate token name","code":"CONFLICT"}');
      const forbidden = await request(`${app.url}/plain/forbidden`);
      expect(forbidden.status).toBe(403);
      expect(forbidden.text).toBe('{"error":"Forbidden","message":"Token does not have the required scope","code":"missing_scope"}');
      const teapot = await request(`${app.url}/plain/teapot`);
      expect(teapot.status).toBe(418);
      expect(teapot.text).toBe(`{"error":"I'm a teapot","message":"I am a teapot","code":"IM_A_TEAPOT"}`);
    });

    it('a 5xx HttpException is hidden like any 5xx', async () => {
      const res = await request(`${app.url}/plain/gateway`);
      expect(res.status).toBe(502);
      expect(res.text).toBe('{"error":"Bad Gateway","message":"Bad Gateway","code":"BAD_GATEWAY"}');
    });

    it('@Envelope on a controller applies to its handlers', async () => {
      const res = await request(`${app.url}/v1/inherits`);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(res.text).toBe('{"message":"No pin with that id","code":0}');
    });

    it('@Envelope on a handler beats its controller', async () => {
      const res = await request(`${app.url}/v1/own`);
      expect(res.status).toBe(404);
      expect(res.text).toBe('{"status":{"code":404,"text":"Not Found","message":"No pin with that id"}}');
    });

    it('the scope covers guards: a guard that throws answers in the controller envelope, with the challenge', async () => {
      const res = await request(`${app.url}/v1/guarded`);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      expect(res.text).toBe('{"message":"Token expired","code":0}');
    });

    it("the app's other options still apply inside a scope (messages, onError, hiding)", async () => {
      const before = seen.length;
      const res = await request(`${app.url}/v1/bug`);
      expect(res.status).toBe(500);
      expect(res.text).toBe('{"message":"An unexpected error occurred","code":0}');
      expect(res.text).not.toContain('hunter2');
      expect(seen.length).toBe(before + 1);
      expect(seen.at(-1)?.status).toBe(500);
    });

    it('@MapErrors on a controller maps a class to a status', async () => {
      const res = await request(`${app.url}/v1/missing`);
      expect(res.status).toBe(404);
      expect(res.text).toBe('{"message":"No account 7","code":0}');
    });

    it('@MapErrors takes the map() description form', async () => {
      const res = await request(`${app.url}/v1/frozen`);
      expect(res.status).toBe(423);
      expect(res.text).toBe('{"message":"Account 7 is frozen","code":40002}');
    });

    it("a handler's @MapErrors beats its controller's for the same class", async () => {
      const res = await request(`${app.url}/v1/handler-map`);
      expect(res.status).toBe(410);
      expect(res.text).toBe('{"message":"No account 7","code":0}');
    });

    it('@MapErrors takes a function returning an error', async () => {
      const res = await request(`${app.url}/v1/handler-map-fn`);
      expect(res.status).toBe(410);
      expect(res.text).toBe('{"message":"gone: v0 endpoint","code":0}');
    });

    it("ValidationPipe's messages become field issues in the app envelope (error-message-code details)", async () => {
      const res = await post(`${app.url}/pins`, INVALID_PIN);
      expect(res.status).toBe(400);
      expect(res.json).toEqual({
        error: 'Bad Request',
        message: 'Request validation failed',
        code: 'BAD_REQUEST',
        details: [
          { field: '/name', in: 'body', code: 'invalid', message: 'name must be longer than or equal to 1 and shorter than or equal to 255 characters', params: {} },
          { field: '/name', in: 'body', code: 'invalid', message: 'name must be a string', params: {} },
          { field: '/pins/1/cid', in: 'body', code: 'invalid', message: 'pins.1.cid must be a string', params: {} },
        ],
      });
    });

    it('ValidationPipe issues in problem-details: an errors array with JSON pointers', async () => {
      const res = await post(`${app.url}/problems`, INVALID_PIN);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      const body = res.json as { errors: { detail: string; pointer: string }[] } & Record<string, unknown>;
      expect(body).toMatchObject({ type: 'about:blank', title: 'Bad Request', status: 400, detail: 'Request validation failed' });
      expect(body.errors).toEqual([
        { detail: 'name must be longer than or equal to 1 and shorter than or equal to 255 characters', pointer: '#/name', code: 'invalid', params: {} },
        { detail: 'name must be a string', pointer: '#/name', code: 'invalid', params: {} },
        { detail: 'pins.1.cid must be a string', pointer: '#/pins/1/cid', code: 'invalid', params: {} },
      ]);
    });

    it('a valid body passes the pipe', async () => {
      const res = await post(`${app.url}/pins`, JSON.stringify({ name: 'readme', pins: [{ cid: 'Qm' }] }));
      expect(res.status).toBe(201);
    });
  });

  describe('FaultlineModule.forRoot', () => {
    let app: RunningApp;
    beforeAll(async () => {
      app = await startNest(
        platform,
        { throwers: {} },
        {
          controllers: CONTROLLERS,
          imports: [FaultlineModule.forRoot({ envelope: 'numeric-code', map: [] })],
          globalFilter: false,
          setup: (nest) => nest.useGlobalPipes(new ValidationPipe()),
        },
      );
    });
    afterAll(() => app.close());

    it('registers the filter globally: an undecorated route answers in its envelope', async () => {
      const res = await request(`${app.url}/plain/bug`);
      expect(res.status).toBe(500);
      expect(res.text).toBe('{"message":"Internal Server Error","code":0}');
    });

    it('answers unmatched routes too', async () => {
      const res = await request(`${app.url}/nowhere?x=1`);
      expect(res.status).toBe(404);
      expect(res.text).toBe('{"message":"Cannot GET /nowhere","code":0}');
    });

    it('ValidationPipe issues in numeric-code: the nested errors object with _errors arrays', async () => {
      const res = await post(`${app.url}/pins`, INVALID_PIN);
      expect(res.status).toBe(400);
      expect(res.json).toEqual({
        message: 'Request validation failed',
        code: 50035,
        errors: {
          name: {
            _errors: [
              { code: 'INVALID', message: 'name must be longer than or equal to 1 and shorter than or equal to 255 characters' },
              { code: 'INVALID', message: 'name must be a string' },
            ],
          },
          pins: { 1: { cid: { _errors: [{ code: 'INVALID', message: 'pins.1.cid must be a string' }] } } },
        },
      });
    });

    it('scoped decorators find the forRoot options', async () => {
      const res = await request(`${app.url}/v1/own`);
      expect(res.text).toBe('{"status":{"code":404,"text":"Not Found","message":"No pin with that id"}}');
      const mapped = await request(`${app.url}/v1/missing`);
      expect(mapped.status).toBe(404);
    });

    it("malformed JSON in the pipe's route is the body 400, in the forRoot envelope", async () => {
      const res = await post(`${app.url}/pins`, '{"name":');
      expect(res.status).toBe(400);
      expect(res.text).toBe('{"message":"Request body is not valid JSON","code":0}');
    });
  });
});
