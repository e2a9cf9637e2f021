import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it, vi } from 'vitest';
import { createFaultline, HttpError } from '../../src/index.js';
import {
  COERCING_AJV_OPTIONS,
  compilerFor,
  createRequestValidator,
  createSchemaCompiler,
  DEFAULT_AJV_OPTIONS,
  LISTING_AJV_OPTIONS,
  MAX_ISSUES,
  MAX_LISTED_VALUES,
  RequestValidationError,
  type AjvLike,
  type CompiledSchema,
  withListing,
} from '../../src/kit.js';
import { itemParams, pinsBody, searchQuery, versionHeaders } from './schemas.js';

function realAjvs() {
  const ajv = new Ajv(DEFAULT_AJV_OPTIONS);
  const listingAjv = new Ajv(LISTING_AJV_OPTIONS);
  const coercingAjv = new Ajv(COERCING_AJV_OPTIONS);
  addFormats.default(ajv);
  addFormats.default(listingAjv);
  addFormats.default(coercingAjv);
  return { ajv, listingAjv, coercingAjv };
}

function failure(run: () => void): RequestValidationError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(RequestValidationError);
    return error as RequestValidationError;
  }
  throw new Error('expected a validation failure');
}

describe('the schema cache', () => {
  it('a schema object used for 1,000 requests is compiled once', () => {
    const { ajv, coercingAjv } = realAjvs();
    const compile = vi.spyOn(ajv, 'compile');
    const compileQuery = vi.spyOn(coercingAjv, 'compile');
    let failures = 0;
    for (let i = 0; i < 1000; i++) {
      // A new validate() per request, as a handler that builds it inline would do.
      const validator = createRequestValidator(createSchemaCompiler(ajv, coercingAjv), { body: pinsBody, query: searchQuery });
      try {
        validator.validateRequest({ body: { pins: [{ cid: i % 2 === 0 ? 'bafy' : i }] }, query: { limit: String(i % 100 + 1) } });
      } catch (error) {
        expect(error).toBeInstanceOf(RequestValidationError);
        failures++;
      }
    }
    expect(failures).toBe(500);
    expect(compile).toHaveBeenCalledTimes(1);
    expect(compileQuery).toHaveBeenCalledTimes(1);
  });

  it('is per Ajv instance and per schema object', () => {
    const { ajv } = realAjvs();
    const other = new Ajv({ allErrors: true });
    const compile = vi.spyOn(ajv, 'compile');
    const compileOther = vi.spyOn(other, 'compile');
    const a = createSchemaCompiler(ajv).compile(pinsBody, 'body');
    expect(createSchemaCompiler(ajv).compile(pinsBody, 'body')).toBe(a);
    expect(createSchemaCompiler(other).compile(pinsBody, 'body')).not.toBe(a);
    createSchemaCompiler(ajv).compile(structuredClone(pinsBody), 'body');
    expect(compile).toHaveBeenCalledTimes(2);
    expect(compileOther).toHaveBeenCalledTimes(1);
  });

  it('boolean schemas are cached too', () => {
    const { ajv } = realAjvs();
    const compile = vi.spyOn(ajv, 'compile');
    const compiler = createSchemaCompiler(ajv);
    compiler.compile(false, 'body');
    compiler.compile(false, 'body');
    compiler.compile(true, 'body');
    expect(compile).toHaveBeenCalledTimes(2);
    const validator = createRequestValidator(compiler, { body: false });
    expect(failure(() => validator.validateRequest({ body: {} })).issues).toEqual([
      { location: 'body', pointer: '', keyword: 'false schema', message: 'boolean schema is false' },
    ]);
  });

  it('the shared compiler for an options object: coercing unless coerceTypes is false', () => {
    const shared = realAjvs();
    const defaults = () => shared;
    expect(compilerFor({}, defaults)().stringAjv).toBe(shared.coercingAjv);
    expect(compilerFor({ coerceTypes: false }, defaults)().stringAjv).toBe(shared.ajv);
    const mine = new Ajv();
    expect(compilerFor({ ajv: mine }, () => { throw new Error('the shared instances are not needed'); })()).toMatchObject({ ajv: mine, stringAjv: mine });
    expect(() => compilerFor({ queryAjv: mine }, defaults)).toThrow(/validate\(\) option "queryAjv" needs "ajv" too/);
  });
});

const freshCompiler = () => createSchemaCompiler(realAjvs().ajv);

describe('setup-time errors', () => {

  it.each([
    ['an invalid type', { body: { type: 'strin' } }, /the body schema is invalid: schema is invalid: data\/type/],
    ['an unknown keyword (strict mode)', { query: { type: 'object', propertiez: {} } }, /the query schema is invalid: strict mode: unknown keyword: "propertiez"/],
    ['an unknown format', { body: { type: 'string', format: 'cid' } }, /unknown format "cid"/],
    ['an async schema', { body: { $async: true, type: 'object' } }, /async/],
    ['a schema that is not one', { body: 'object' }, /validate\(\) schema "body" is "object"; allowed: a JSON Schema \(an object, or true or false\)/],
    ['an unknown part', { cookies: { type: 'object' } }, /unknown validate\(\) schema "cookies"; the schemas are body, query, params, headers/],
    ['a typo of a part', { bdy: { type: 'object' } }, /unknown validate\(\) schema "bdy" \(did you mean "body"\?\)/],
  ])('%s throws when validate() is made', (_name, schemas, message) => {
    expect(() => createRequestValidator(freshCompiler(), schemas as never)).toThrow(message);
  });

  it('a bad status and a non-Ajv are refused', () => {
    expect(() => createRequestValidator(freshCompiler(), {}, { validationStatus: 418 as 400 })).toThrow(/validate\(\) option "validationStatus" is 418 \(a number\); allowed: 400 or 422/);
    expect(() => createSchemaCompiler({} as AjvLike)).toThrow(/must be an Ajv instance/);
  });
});

describe('validateRequest', () => {
  const shared = realAjvs();
  const compiler = createSchemaCompiler(shared.ajv, shared.coercingAjv, shared.listingAjv);

  it('passes a valid request and coerces query and params in place', () => {
    const validator = createRequestValidator(compiler, { params: itemParams, query: searchQuery, body: pinsBody });
    const params = { id: '7' };
    const query = { limit: '5', tags: 'x' };
    validator.validateRequest({ params, query, body: { pins: [] } });
    expect(params).toEqual({ id: 7 });
    expect(query).toEqual({ limit: 5, tags: ['x'] });
  });

  it('checks headers on a copy: the framework header object keeps its strings', () => {
    const schema = { type: 'object', properties: { 'x-count': { type: 'integer' } }, required: ['x-count'] };
    const headers = { 'x-count': '3' };
    createRequestValidator(compiler, { headers: schema }).validateRequest({ headers });
    expect(headers).toEqual({ 'x-count': '3' });
    const error = failure(() => createRequestValidator(compiler, { headers: versionHeaders }).validateRequest({ headers: {} }));
    expect(error.issues).toEqual([{ location: 'headers', pointer: '/x-api-version', keyword: 'required', message: 'is required' }]);
  });

  it('the body is never coerced', () => {
    const error = failure(() => createRequestValidator(compiler, { body: { type: 'object', properties: { n: { type: 'integer' } } } }).validateRequest({ body: { n: '1' } }));
    expect(error.issues).toEqual([{ location: 'body', pointer: '/n', keyword: 'type', message: 'must be integer', params: { type: 'integer' } }]);
  });

  it(`caps the issues of all parts together at ${MAX_ISSUES}`, () => {
    const validator = createRequestValidator(compiler, { query: searchQuery, body: pinsBody });
    const query = Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`q${i}`, 'x']));
    const error = failure(() => validator.validateRequest({ query, body: { pins: Array.from({ length: 200 }, () => ({ cid: 1 })) } }));
    expect(error.issues).toHaveLength(MAX_ISSUES);
    expect(error.issues?.slice(0, 80).every((i) => i.location === 'query')).toBe(true);
    expect(error.issues?.[80]).toEqual({ location: 'body', pointer: '/pins/0/cid', keyword: 'type', message: 'must be string', params: { type: 'string' } });
    expect(error.issues?.[99]?.pointer).toBe('/pins/19/cid');
  });

  it('a look-alike that fails without errors still fails; one that answers a promise is a bug', () => {
    const silent: AjvLike = { compile: () => Object.assign(() => false, { errors: null }) as CompiledSchema };
    const error = failure(() => createRequestValidator(createSchemaCompiler(silent), { body: {} }).validateRequest({ body: 1 }));
    expect(error.issues).toEqual([{ location: 'body', pointer: '', keyword: 'invalid', message: 'is invalid' }]);
    const asyncish: AjvLike = { compile: () => (() => Promise.resolve(true)) as CompiledSchema };
    expect(() => createRequestValidator(createSchemaCompiler(asyncish), { body: {} }).validateRequest({ body: 1 })).toThrow(TypeError);
  });

  it('exposes the compiled ajv function per part', () => {
    const validator = createRequestValidator(compiler, { body: pinsBody });
    expect(validator.compiled.body?.({ pins: [] })).toBe(true);
    expect(validator.compiled.query).toBeUndefined();
  });
});

describe('the error a failure throws', () => {
  const shared = realAjvs();
  const compiler = createSchemaCompiler(shared.ajv, shared.coercingAjv);
  const fail = (options?: { validationStatus?: 400 | 422 }) =>
    failure(() => createRequestValidator(compiler, { body: pinsBody }, options).validateRequest({ body: {} }));

  it('is an http-errors look-alike: 400, exposed, no stack work', () => {
    const error = fail();
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 400, statusCode: 400, expose: true, code: 'BAD_REQUEST', message: 'Request validation failed' });
  });

  it("without a status of its own, follows the handler's validationStatus", () => {
    expect(createFaultline().normalize(fail()).status).toBe(400);
    expect(createFaultline({ validationStatus: 422 }).normalize(fail())).toMatchObject({ status: 422, code: 'UNPROCESSABLE_ENTITY' });
  });

  it('with its own status, keeps it whatever the handler says', () => {
    expect(createFaultline().normalize(fail({ validationStatus: 422 })).status).toBe(422);
    expect(createFaultline({ validationStatus: 422 }).normalize(fail({ validationStatus: 400 })).status).toBe(400);
  });

  it('a plain HttpError with issues is not a validation failure', () => {
    const plain = new HttpError(409, 'Conflict', { issues: [{ location: 'body', pointer: '/a', keyword: 'x', message: 'y' }] });
    expect(createFaultline({ validationStatus: 422 }).normalize(plain).status).toBe(409);
  });
});

describe('a body is listed in full only while small: the cost of a hostile one is bounded', () => {
  const shared = realAjvs();
  const strings = { type: 'array', items: { type: 'string' } };
  const listing = createRequestValidator(createSchemaCompiler(shared.ajv, shared.coercingAjv, shared.listingAjv), { body: strings });
  const issuesOf = (items: number) => failure(() => listing.validateRequest({ body: Array.from({ length: items }, () => 0) })).issues ?? [];

  it(`up to ${MAX_LISTED_VALUES} values: every problem, up to ${MAX_ISSUES}`, () => {
    expect(issuesOf(3).map((issue) => issue.pointer)).toEqual(['/0', '/1', '/2']);
    expect(issuesOf(MAX_LISTED_VALUES - 1)).toHaveLength(MAX_ISSUES);
  });

  it('a small body is checked once, by the listing function; a large one once, fail-fast', () => {
    const calls: string[] = [];
    const compiled = (name: string, verdict: boolean): CompiledSchema => {
      const check: CompiledSchema = () => {
        calls.push(name);
        check.errors = verdict ? null : [{ instancePath: '', keyword: name, message: name, params: {} }];
        return verdict;
      };
      return check;
    };
    const body = withListing(compiled('fail-fast', false), () => compiled('listing', false), 3);
    expect(body({ a: 1 })).toBe(false);
    expect(calls).toEqual(['listing']);
    expect(body.errors?.[0]?.keyword).toBe('listing');
    calls.length = 0;
    expect(body({ a: 1, b: 2, c: 3 })).toBe(false);
    expect(calls).toEqual(['fail-fast']);
    expect(body.errors?.[0]?.keyword).toBe('fail-fast');
  });

  it('beyond: the first problem only, and the listing instance never runs', () => {
    const listed = vi.spyOn(shared.listingAjv, 'compile');
    const fresh = createRequestValidator(createSchemaCompiler(shared.ajv, shared.coercingAjv, shared.listingAjv), { body: { type: 'array', items: { type: 'integer' } } });
    const error = failure(() => fresh.validateRequest({ body: Array.from({ length: MAX_LISTED_VALUES }, () => 'x') }));
    expect(error.issues).toEqual([{ location: 'body', pointer: '/0', keyword: 'type', message: 'must be integer', params: { type: 'integer' } }]);
    expect(listed).not.toHaveBeenCalled();
    expect(issuesOf(1_000_000)).toEqual([{ location: 'body', pointer: '/0', keyword: 'type', message: 'must be string', params: { type: 'string' } }]);
  });

  it('the shared instances do this for validate(); your own Ajv is used as you configured it', () => {
    const mine = new Ajv({ allErrors: true });
    const own = createRequestValidator(compilerFor({ ajv: mine }, () => shared), { body: strings });
    expect(failure(() => own.validateRequest({ body: Array.from({ length: 5000 }, () => 0) })).issues).toHaveLength(MAX_ISSUES);
    const defaults = createRequestValidator(compilerFor({}, () => shared), { body: strings });
    expect(failure(() => defaults.validateRequest({ body: Array.from({ length: 5000 }, () => 0) })).issues).toHaveLength(1);
  });
});

