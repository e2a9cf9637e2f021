import { Body, Controller, Get, HttpCode, Post, Query, ValidationPipe } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min, MinLength, ValidateNested } from 'class-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classValidatorFailure, FaultlineValidationPipe } from '../../adapters/nest/index.js';
import type { NestPlatform } from '../harness/nest.js';
import type { RunningApp } from '../harness/harness.js';
import { request } from '../support/http.js';
import { startNestApp } from './start-app.js';

class TagDto {
  @IsString()
  name!: string;
}

class PinDto {
  @IsString()
  @MinLength(1)
  cid!: string;

  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => TagDto)
  tags?: TagDto[];
}

class ListQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

@Controller('pins')
class PinsController {
  @Post()
  @HttpCode(200)
  add(@Body() pin: PinDto) {
    return { pin, isDto: pin instanceof PinDto };
  }

  @Get()
  list(@Query() query: ListQuery) {
    return { query };
  }
}

const json = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe.each(['express', 'fastify'] as NestPlatform[])('FaultlineValidationPipe on nest-%s', (platform) => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startNestApp(platform, {
      controllers: [PinsController],
      filter: { envelope: 'error-message-code', validationStatus: 422 },
      setup: (nest) => nest.useGlobalPipes(new FaultlineValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true })),
    });
  });
  afterAll(() => app.close());

  it("class-validator's constraint names are the keywords, nested paths the pointers, in the handler's status", async () => {
    const res = await request(`${app.url}/pins`, json({ cid: 7, tags: [{ name: 'ok' }, { name: 3 }], admin: true }));
    expect(res.status).toBe(422);
    expect(res.json).toEqual({
      error: 'Unprocessable Entity',
      message: 'Request validation failed',
      code: 'UNPROCESSABLE_ENTITY',
      details: [
        { field: '/admin', in: 'body', code: 'whitelistValidation', message: 'property admin should not exist', params: {} },
        { field: '/cid', in: 'body', code: 'minLength', message: 'cid must be longer than or equal to 1 characters', params: {} },
        { field: '/cid', in: 'body', code: 'isString', message: 'cid must be a string', params: {} },
        { field: '/tags/1/name', in: 'body', code: 'isString', message: 'name must be a string', params: {} },
      ],
    });
  });

  it('a query DTO: its issues are located in the query', async () => {
    const res = await request(`${app.url}/pins?limit=500`);
    expect(res.status).toBe(422);
    expect(res.json).toMatchObject({ details: [{ field: '/limit', in: 'query', code: 'max', message: 'limit must not be greater than 100' }] });
  });

  it("a valid request reaches the handler transformed, as ValidationPipe's own options say", async () => {
    const res = await request(`${app.url}/pins`, json({ cid: 'bafy', tags: [{ name: 'a' }] }));
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ pin: { cid: 'bafy', tags: [{ name: 'a' }] }, isDto: true });
    expect((await request(`${app.url}/pins?limit=5`)).json).toEqual({ query: { limit: 5 } });
  });
});

describe('classValidatorFailure as any ValidationPipe exceptionFactory', () => {
  it('keeps the constraint names, where the default pipe keeps only messages', async () => {
    const pipe = new ValidationPipe({ exceptionFactory: classValidatorFailure as never });
    const error = await pipe.transform({ cid: '' }, { type: 'body', metatype: PinDto }).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect((error as { issues: unknown }).issues).toEqual([{ location: 'body', pointer: '/cid', keyword: 'minLength', message: 'cid must be longer than or equal to 1 characters' }]);
  });
});
