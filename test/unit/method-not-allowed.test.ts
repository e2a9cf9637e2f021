import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createFaultline, HttpError } from '../../src/index.js';
import { allowValue, methodNotAllowed, routeNotFound, type AllowedMethodsReader } from '../../src/kit.js';

describe('the Allow value of a router\'s methods', () => {
  it.each([
    [['get'], 'GET, HEAD'],
    [['POST', 'GET', 'get', 'PUT'], 'GET, HEAD, POST, PUT'],
    [['head'], 'HEAD'],
    [['DELETE', 'PURGE'], 'DELETE, PURGE'],
    [[], ''],
    // What is not a method token never reaches the header.
    [['GET\r\nSet-Cookie: a=b', 'P UT', '', 'POST'], 'POST'],
  ])('%j → %j', (methods, expected) => {
    expect(allowValue(methods)).toBe(expected);
  });

  it('a router that lists a method thousands of times gives a bounded header', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => `M${i}`);
    expect(allowValue(many).split(', ')).toHaveLength(64);
  });
});

describe('405 or 404: the decision every adapter shares', () => {
  it.each([
    ['DELETE', ['GET', 'PUT'], 'GET, HEAD, PUT'],
    ['get', ['POST'], 'POST'],
    ['HEAD', ['POST'], 'POST'],
    // The request's own method is served: a route passed the request on, it is not a 405.
    ['GET', ['GET'], undefined],
    ['HEAD', ['GET'], undefined],
    // No route serves the path.
    ['DELETE', [], undefined],
    ['DELETE', undefined, undefined],
    // OPTIONS is left to CORS middleware.
    ['OPTIONS', ['GET'], undefined],
  ] as const)('%s with %j → %s', (method, methods, expected) => {
    expect(methodNotAllowed(method, methods)).toBe(expected);
  });
});

const reader = (methods: readonly string[]): AllowedMethodsReader => () => methods;

describe('an unmatched route through the core', () => {
  const request = { method: 'DELETE', path: '/pins/7' };

  it('is a 405 with Allow, in the envelope, when other methods serve the path', () => {
    const response = createFaultline().handle(routeNotFound('DELETE', '/pins/7', reader(['GET', 'PUT'])), request);
    expect(response.status).toBe(405);
    expect(response.headers['allow']).toBe('GET, HEAD, PUT');
    expect(JSON.parse(response.body as string)).toEqual({
      type: 'about:blank',
      title: 'Method Not Allowed',
      status: 405,
      detail: 'DELETE is not allowed on /pins/7',
    });
  });

  it('is a 404 with methodNotAllowed: false, and the router is not read', () => {
    let reads = 0;
    const error = routeNotFound('DELETE', '/pins/7', () => {
      reads++;
      return ['GET'];
    });
    const response = createFaultline({ methodNotAllowed: false }).handle(error, request);
    expect(response.status).toBe(404);
    expect(response.headers['allow']).toBeUndefined();
    expect(reads).toBe(0);
  });

  it('is a 404 when the router cannot be read, whatever the reader does', () => {
    const core = createFaultline();
    const broken: AllowedMethodsReader[] = [
      () => {
        throw new Error('unknown router shape');
      },
      () => 42 as never,
      () => [null, 7] as never,
      () => undefined,
    ];
    for (const read of broken) {
      const response = core.handle(routeNotFound('DELETE', '/x', read), { method: 'DELETE', path: '/x' });
      expect(response.status).toBe(404);
      expect(JSON.parse(response.body as string)).toMatchObject({ detail: 'Cannot DELETE /x' });
    }
  });

  it('onError is told the 405 it answered', () => {
    const seen: number[] = [];
    createFaultline({ onError: (fault) => seen.push(fault.status) }).handle(routeNotFound('PATCH', '/a', reader(['GET'])), request);
    expect(seen).toEqual([405]);
  });

  it('the reader is not on the error for a framework or a logger to find', () => {
    const error = routeNotFound('DELETE', '/x', reader(['GET']));
    expect(Object.keys(error)).not.toContain('allowedMethods');
    expect(JSON.stringify(error)).not.toContain('GET');
  });

  it('is, to everything outside the core, the same HttpError as one made without a reader', () => {
    const unmatched = routeNotFound('DELETE', '/x', reader(['GET']));
    const plain = routeNotFound('DELETE', '/x');
    expect(unmatched).toBeInstanceOf(HttpError);
    expect(Reflect.ownKeys(unmatched)).toEqual(Reflect.ownKeys(plain));
    expect(JSON.stringify(unmatched)).toBe(JSON.stringify(plain));
    expect(inspect(unmatched)).toBe(inspect(plain));
    expect([unmatched.name, unmatched.message, unmatched.stack]).toEqual([plain.name, plain.message, plain.stack]);
  });

  it('shows no control characters of the request in its message, and at most 256 of its path', () => {
    const error = routeNotFound('GE\u0000T', `/a\r\nb/${'c'.repeat(400)}`);
    expect(error.message).toBe(`Cannot GET /ab/${'c'.repeat(252)}`);
  });
});
