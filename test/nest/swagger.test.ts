// @ApiFaultlineResponses in a real Nest app: the document SwaggerModule builds (and serves over
// HTTP) declares each error response with the envelope's schema as a component and an example
// that is byte for byte what the app answers.
import { readFileSync } from 'node:fs';
import { Controller, Get, Module, Param, Post, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import { ApiOkResponse, DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultlineModule } from '../../adapters/nest/index.js';
import { ApiFaultlineResponses, createApiFaultlineResponses } from '../../adapters/nest/swagger.js';
import { defineErrors, errors } from '../../src/index.js';
import { request } from '../support/http.js';

const AppErrors = defineErrors({
  PIN_EXPIRED: { status: 410, message: 'The pin has expired' },
  INSUFFICIENT_FUNDS: { status: 409, message: 'Unable to process request due to the lack of funds' },
  INVALID_TOKEN: { status: 401, message: 'Invalid authentication token', numericCode: 50014 },
});

const ApiNumericErrors = createApiFaultlineResponses({ envelope: 'numeric-code' });

@Controller('pins')
class PinsController {
  @Get(':id')
  // Like any @ApiResponse, ours replaces Nest's implicit 200: declare the success response too.
  @ApiOkResponse({ description: 'The pin', schema: { type: 'object' } })
  @ApiFaultlineResponses(404, AppErrors.PIN_EXPIRED, { error: errors.unauthorized, description: 'No or a bad token' }, 500)
  find(@Param('id') id: string): { id: string } {
    if (id === 'expired') throw AppErrors.PIN_EXPIRED();
    if (id === 'broken') throw new Error('db password is hunter2');
    throw errors.notFound();
  }

  @Post()
  @ApiFaultlineResponses(errors.conflict('Duplicate pin name'), AppErrors.INSUFFICIENT_FUNDS)
  add(): never {
    throw AppErrors.INSUFFICIENT_FUNDS();
  }
}

/** A controller-wide declaration, in another envelope (a second app would use it app-wide). */
@Controller('legacy')
@ApiNumericErrors(AppErrors.INVALID_TOKEN, 503)
class LegacyController {
  @Get('a')
  a(): string {
    return 'a';
  }

  @Get('b')
  b(): string {
    return 'b';
  }
}

async function documentOf(app: INestApplication, version?: string): Promise<OpenAPIObject> {
  const config = new DocumentBuilder().setTitle('pins').setVersion('1.0.0');
  if (version !== undefined) config.setOpenAPIVersion(version);
  return SwaggerModule.createDocument(app, config.build());
}

async function openApiErrors(document: OpenAPIObject): Promise<unknown> {
  const result = await new Validator().validate(structuredClone(document) as unknown as Parameters<Validator['validate']>[0]);
  return result.valid ? [] : result.errors;
}

describe('@ApiFaultlineResponses', () => {
  let app: INestApplication;
  let url: string;
  let document: OpenAPIObject;
  beforeAll(async () => {
    @Module({ imports: [FaultlineModule.forRoot()], controllers: [PinsController, LegacyController] })
    // oxlint-disable-next-line typescript/no-extraneous-class -- a Nest module is a decorated class by design
    class AppModule {}
    app = await NestFactory.create(AppModule, new ExpressAdapter(), { logger: false });
    document = await documentOf(app);
    SwaggerModule.setup('docs', app, document, { ui: false });
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
  });
  afterAll(() => app.close());

  it('declares each status with the envelope media type, schema component and an example from the core', () => {
    const responses = document.paths['/pins/{id}']?.get?.responses ?? {};
    expect(Object.keys(responses).toSorted()).toEqual(['200', '401', '404', '410', '500']);
    const notFound = {
      schema: { $ref: '#/components/schemas/FaultlineProblemDetails' },
      examples: {
        NOT_FOUND: { summary: 'Not Found', value: { type: 'about:blank', title: 'Not Found', status: 404, detail: 'Not Found' } },
      },
    };
    expect(responses['404']).toEqual({
      description: 'Not Found',
      // Content negotiation sends the same body as application/json to a client that asks for it.
      content: { 'application/problem+json': notFound, 'application/json': notFound },
      headers: { 'cache-control': { schema: { type: 'string' }, example: 'no-store' }, vary: { schema: { type: 'string' }, example: 'Accept' } },
    });
    expect(responses['410']).toMatchObject({
      description: 'Gone',
      content: { 'application/problem+json': { examples: { PIN_EXPIRED: { value: { status: 410, detail: 'The pin has expired', code: 'PIN_EXPIRED' } } } } },
    });
    // A given description wins; the 401's challenge is documented as the header it is.
    expect(responses['401']).toMatchObject({ description: 'No or a bad token', headers: { 'www-authenticate': { example: 'Bearer' } } });
    // A 5xx example is what production sends: the generic message, never the thrown one.
    expect(responses['500']).toMatchObject({
      content: { 'application/problem+json': { examples: { INTERNAL_SERVER_ERROR: { value: { status: 500, detail: 'Internal Server Error' } } } } },
    });
    // The success response keeps Nest's own media type.
    expect(Object.keys((responses['200'] as { content: object }).content)).toEqual(['application/json']);
  });

  it('two errors with one status are two named examples of one response', () => {
    const conflict = document.paths['/pins']?.post?.responses['409'] as { content: Record<string, { examples: Record<string, { value: unknown }> }> };
    expect(Object.keys(conflict.content['application/problem+json']?.examples ?? {})).toEqual(['CONFLICT', 'INSUFFICIENT_FUNDS']);
    expect(conflict.content['application/problem+json']?.examples.CONFLICT?.value).toMatchObject({ detail: 'Duplicate pin name' });
  });

  it('the examples are what the app answers, byte for byte', async () => {
    const responses = document.paths['/pins/{id}']?.get?.responses as Record<string, { content: Record<string, { examples: Record<string, { value: unknown }> }> }>;
    for (const [path, status, code] of [
      ['/pins/7', '404', 'NOT_FOUND'],
      ['/pins/expired', '410', 'PIN_EXPIRED'],
      ['/pins/broken', '500', 'INTERNAL_SERVER_ERROR'],
    ] as const) {
      const res = await request(`${url}${path}`);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(res.text).toBe(JSON.stringify(responses[status]?.content['application/problem+json']?.examples[code]?.value));
    }
  });

  it('the schema is a component in the dialect OpenAPI 3.0 and 3.1 share, and every example is valid against it', () => {
    const schemas = document.components?.schemas ?? {};
    const problem = schemas.FaultlineProblemDetails as Record<string, unknown>;
    expect(problem).toMatchObject({ type: 'object', required: ['type', 'title', 'status', 'detail'] });
    for (const keyword of ['$schema', '$id', 'if', 'then', 'else', '$defs', 'const']) expect(problem).not.toHaveProperty(keyword);
    // numeric-code's recursive field tree: its $defs entry is a component of its own.
    expect((schemas.FaultlineNumericCode as { properties: { errors: unknown } }).properties.errors).toEqual({
      $ref: '#/components/schemas/FaultlineNumericCodeErrorNode',
    });
    expect(schemas.FaultlineNumericCodeErrorNode).toMatchObject({ additionalProperties: { $ref: '#/components/schemas/FaultlineNumericCodeErrorNode' } });
    const ajv = new Ajv({ strict: false });
    addFormats.default(ajv);
    ajv.addSchema({ $id: 'https://faultline.test/doc', components: document.components });
    let checked = 0;
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [status, response] of Object.entries(item.get?.responses ?? item.post?.responses ?? {})) {
        for (const media of Object.values((response as { content?: Record<string, { schema?: { $ref?: string }; examples?: Record<string, { value: unknown }> }> }).content ?? {})) {
          const ref = media.schema?.$ref;
          if (ref === undefined) continue;
          const validate = ajv.compile({ $ref: `https://faultline.test/doc${ref}` });
          for (const example of Object.values(media.examples ?? {})) {
            expect(validate(example.value), `${path} ${status}: ${JSON.stringify(validate.errors)}`).toBe(true);
            checked++;
          }
        }
      }
    }
    // 10 examples, 6 of them also listed as application/json (negotiation), each checked there too.
    expect(checked).toBe(16);
  });

  it('a controller-wide declaration reaches every handler, in its own envelope', () => {
    for (const path of ['/legacy/a', '/legacy/b']) {
      const responses = document.paths[path]?.get?.responses ?? {};
      expect(responses['401']).toMatchObject({
        content: {
          'application/json': {
            schema: { $ref: '#/components/schemas/FaultlineNumericCode' },
            examples: { INVALID_TOKEN: { value: { message: 'Invalid authentication token', code: 50014 } } },
          },
        },
      });
      expect(responses['503']).toMatchObject({ content: { 'application/json': { examples: { SERVICE_UNAVAILABLE: { value: { code: 0 } } } } } });
    }
  });

  it('SwaggerModule serves the document as built', async () => {
    const served = await request(`${url}/docs-json`);
    expect(served.json).toEqual(JSON.parse(JSON.stringify(document)));
  });

  it("the document is valid OpenAPI 3.0 (Nest's default) and 3.1", async () => {
    expect(document.openapi).toBe('3.0.0');
    expect(await openApiErrors(document)).toEqual([]);
    expect(await openApiErrors(await documentOf(app, '3.1.0'))).toEqual([]);
  });

  it("faultline/nest does not load @nestjs/swagger: only faultline/nest/swagger does", () => {
    const seen = new Set<string>();
    const visit = (file: URL): void => {
      if (seen.has(file.href)) return;
      seen.add(file.href);
      const text = readFileSync(file, 'utf8');
      expect(text, file.pathname).not.toMatch(/from '@nestjs\/swagger'|require\('@nestjs\/swagger'\)/);
      for (const [, local] of text.matchAll(/from '(\.\/[^']+)\.js'/g)) visit(new URL(`${local}.ts`, file));
    };
    visit(new URL('../../adapters/nest/index.ts', import.meta.url));
    expect(seen.size).toBeGreaterThan(3);
  });
});
