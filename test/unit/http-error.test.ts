// An expected 4xx skips the native Error constructor (its cost is most of a thrown 404's); it must
// still be an Error to everything that tests for one, and a 5xx must stay a native Error with its
// stack for the log.
import { inspect, types } from 'node:util';
import Koa from 'koa';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { errors, HttpError, isHttpError } from '../../src/index.js';
import { RequestValidationError } from '../../src/kit.js';

describe('a stackless 4xx', () => {
  const e = errors.notFound();

  it('is an Error and an HttpError, but not a native error', () => {
    expect(e instanceof Error).toBe(true);
    expect(e instanceof HttpError).toBe(true);
    expect(types.isNativeError(e)).toBe(false);
  });

  it('has a one-line stack, the name and the message, as a native Error without frames', () => {
    expect(e.stack).toBe('HttpError: Not Found');
    expect(String(e)).toBe('HttpError: Not Found');
    expect(errors.conflict('Pin exists').stack).toBe('HttpError: Pin exists');
  });

  it('keeps message and cause out of its own enumerable properties, as a native Error does', () => {
    const cause = new Error('db');
    const withCause = errors.badRequest('Bad pin', { cause });
    expect(withCause.message).toBe('Bad pin');
    expect(withCause.cause).toBe(cause);
    expect(Object.keys(withCause)).not.toContain('message');
    expect(Object.keys(withCause)).not.toContain('cause');
    expect(JSON.parse(JSON.stringify(withCause))).toEqual({ status: 400, code: 'BAD_REQUEST', expose: true, statusCode: 400 });
    expect({ ...withCause }).not.toHaveProperty('message');
  });

  it('prints like an error in util.inspect, with its fields and without its private message', () => {
    const text = inspect(errors.notFound('No pin 42'));
    expect(text.startsWith('[HttpError: No pin 42] {')).toBe(true);
    expect(text).toContain('status: 404');
    expect(text).not.toContain('Symbol');
  });

  it('takes a new message or stack, as loggers and APM agents assign them', () => {
    const error = errors.forbidden();
    error.message = 'Missing scope pins:write';
    expect(error.message).toBe('Missing scope pins:write');
    expect(error.stack).toBe('HttpError: Missing scope pins:write');
    error.stack = 'set by an agent';
    expect(error.stack).toBe('set by an agent');
    expect(Object.keys(error)).not.toContain('stack');
  });

  it('is serialised by pino as an error: type, message, stack, fields', () => {
    const serialized = pino.stdSerializers.err(errors.tooManyRequests(undefined, { retryAfter: 30 }));
    expect(serialized).toMatchObject({ type: 'HttpError', message: 'Too Many Requests', stack: 'HttpError: Too Many Requests', status: 429, retryAfter: 30 });
  });

  it("passes Koa's own error check (its default listener throws 'non-error thrown' otherwise)", () => {
    const app = new Koa();
    app.silent = true;
    expect(() => app.onerror(errors.badRequest('hidden', { expose: false }))).not.toThrow();
  });
});

describe('an HttpError with a stack', () => {
  it('is a native Error with frames for a 5xx, and for a 4xx that asks for one', () => {
    for (const e of [errors.internalServerError('db down'), errors.notFound(undefined, { stack: true })]) {
      expect(types.isNativeError(e)).toBe(true);
      expect(e instanceof HttpError).toBe(true);
      expect(e.stack?.split('\n').length).toBeGreaterThan(1);
      expect(Object.keys(e)).not.toContain('message');
    }
    const withCause = errors.badGateway(undefined, { cause: new Error('upstream') });
    expect(withCause.cause).toBeInstanceOf(Error);
    expect(withCause).toMatchObject({ status: 502, statusCode: 502, expose: false, message: 'Bad Gateway' });
  });

  it('has the same fields in the same order as a stackless one', () => {
    expect(Object.keys(errors.internalServerError())).toEqual(Object.keys(errors.notFound()));
  });
});

describe('instanceof', () => {
  it('holds for an error of another copy of faultline (the brand), not for look-alikes without it', () => {
    expect({ [Symbol.for('faultline.error')]: true } instanceof HttpError).toBe(true);
    expect({ status: 404, statusCode: 404, expose: true } instanceof HttpError).toBe(false);
    const hostile = new Proxy({}, { get: () => { throw new Error('trap'); } });
    expect(hostile instanceof HttpError).toBe(false);
  });

  it('keeps the prototype chain for subclasses', () => {
    class PinError extends HttpError {
      constructor() {
        super(409, 'Pin exists');
      }
    }
    const pin = new PinError();
    expect(pin).toBeInstanceOf(PinError);
    expect(pin).toBeInstanceOf(HttpError);
    expect(pin).toBeInstanceOf(Error);
    expect(isHttpError(pin)).toBe(true);
    expect(pin.stack).toBe('HttpError: Pin exists');
    expect(errors.notFound()).not.toBeInstanceOf(PinError);
    const invalid = new RequestValidationError([{ location: 'body', pointer: '/cid', keyword: 'type', message: 'must be string' }]);
    expect(invalid).toBeInstanceOf(RequestValidationError);
    expect(invalid).toBeInstanceOf(HttpError);
    expect(errors.badRequest()).not.toBeInstanceOf(RequestValidationError);
  });
});
