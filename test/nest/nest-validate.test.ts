// @Validate on Nest, beyond the shared validation contract (test/validation/nest.test.ts): what
// only Nest has. The status from FaultlineModule.forRoot, @Envelope scopes, where validation sits
// in Nest's request lifecycle (after guards, before pipes), and a controller-wide @Validate.
import {
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  UnauthorizedException,
  UseGuards,
  type ArgumentMetadata,
  type CanActivate,
  type PipeTransform,
} from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Envelope, FaultlineModule, Validate } from '../../adapters/nest/index.js';
import type { NestPlatform } from '../harness/nest.js';
import type { RunningApp } from '../harness/harness.js';
import { request } from '../support/http.js';
import { itemParams, pinsBody, searchQuery } from '../validation/schemas.js';
import { startNestApp } from './start-app.js';

const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

class DenyAll implements CanActivate {
  canActivate(): boolean {
    throw new UnauthorizedException('Token expired');
  }
}

/** A pipe that reports the type it was handed: proves pipes run after @Validate coerced. */
class TypeOfPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): string {
    return `${String(metadata.data)}:${typeof value}`;
  }
}

@Controller('pins')
class PinsController {
  @Post()
  @HttpCode(200)
  @Validate({ body: pinsBody })
  create(): { ok: true } {
    return { ok: true };
  }

  @Get('search')
  @Validate({ query: searchQuery })
  search(@Query('limit', TypeOfPipe) limit: string, @Query() query: unknown): { limit: string; query: unknown } {
    return { limit, query };
  }

  @Post('guarded')
  @UseGuards(DenyAll)
  @Validate({ body: pinsBody })
  guarded(): string {
    return 'never';
  }
}

@Controller('v2')
@Envelope('numeric-code')
@Validate({ params: itemParams })
class V2Controller {
  @Get('items/:id')
  item(@Param('id') id: unknown): { id: unknown } {
    return { id };
  }

  @Get('items/:id/pins')
  @Envelope('status-object')
  pins(@Param('id') id: unknown): { id: unknown } {
    return { id };
  }
}

const CONTROLLERS = [PinsController, V2Controller];

describe.each(['express', 'fastify'] as NestPlatform[])('@Validate on nest %s', (platform) => {
  describe('with FaultlineModule.forRoot({ envelope: problem-details, validationStatus: 422 })', () => {
    let app: RunningApp;
    beforeAll(async () => {
      app = await startNestApp(platform, {
        controllers: CONTROLLERS,
        imports: [FaultlineModule.forRoot({ envelope: 'problem-details', validationStatus: 422 })],
      });
    });
    afterAll(() => app.close());

    it('a nested failure is the forRoot status, byte for byte', async () => {
      const res = await request(`${app.url}/pins`, json({ pins: [{ cid: 1 }] }));
      expect(res.status).toBe(422);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(res.text).toBe(
        '{"type":"about:blank","title":"Unprocessable Entity","status":422,"detail":"Request validation failed","errors":[{"detail":"must be string","pointer":"#/pins/0/cid","code":"type","params":{"type":"string"}}]}',
      );
    });

    it('required points at the missing field, not its parent', async () => {
      const res = await request(`${app.url}/pins`, json({ pins: [{ name: 'x' }] }));
      expect(res.status).toBe(422);
      expect(res.text).toBe(
        '{"type":"about:blank","title":"Unprocessable Entity","status":422,"detail":"Request validation failed","errors":[{"detail":"is required","pointer":"#/pins/0/cid","code":"required","params":{}}]}',
      );
    });

    it('a valid body reaches the handler', async () => {
      const res = await request(`${app.url}/pins`, json({ pins: [{ cid: 'bafy' }] }));
      expect(res.status).toBe(200);
      expect(res.json).toEqual({ ok: true });
    });

    it('pipes and @Query() see the coerced query (pipes run after @Validate)', async () => {
      const res = await request(`${app.url}/pins/search?limit=10&tags=a`);
      expect(res.status).toBe(200);
      expect(res.json).toEqual({ limit: 'limit:number', query: { limit: 10, tags: ['a'] } });
    });

    it('a query failure names the query part', async () => {
      const res = await request(`${app.url}/pins/search?limit=abc`);
      expect(res.status).toBe(422);
      expect(res.json).toMatchObject({ errors: [{ detail: 'must be integer', pointer: '#/limit' }] });
    });

    it('guards run first: no credentials is a 401, whatever the body', async () => {
      const res = await request(`${app.url}/pins/guarded`, json({ pins: 'none' }));
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
    });

    it('@Validate on a controller checks every handler, in its @Envelope, with the forRoot status', async () => {
      const res = await request(`${app.url}/v2/items/abc`);
      expect(res.status).toBe(422);
      expect(res.text).toBe(
        '{"message":"Request validation failed","code":50035,"errors":{"id":{"_errors":[{"code":"TYPE","message":"must be integer"}]}}}',
      );
      const own = await request(`${app.url}/v2/items/0/pins`);
      expect(own.status).toBe(422);
      expect(own.text).toBe(
        '{"status":{"code":422,"text":"Unprocessable Entity","message":"Request validation failed"},"errors":[{"field":"/id","in":"params","code":"minimum","message":"must be >= 1","params":{"comparison":">=","limit":1}}]}',
      );
    });

    it('path parameters reach @Param() coerced', async () => {
      const res = await request(`${app.url}/v2/items/42`);
      expect(res.status).toBe(200);
      expect(res.json).toEqual({ id: 42 });
    });
  });
});

describe('@Validate at startup', () => {
  it('an invalid schema throws when the decorator is made, not on a request', () => {
    expect(() => Validate({ body: { type: 'object', properties: { cid: { type: 'strnig' } } } })).toThrow(/body schema is invalid/);
  });

  it('an unknown part throws', () => {
    expect(() => Validate({ cookies: {} } as never)).toThrow(/unknown @Validate\(\) schema "cookies"/);
  });
});
