import { describe, expect, it } from 'vitest';
import { createFaultline, errors, type Fault } from '../../src/kit.js';
import type { DefaultLogger } from '../../src/kit.js';

// The kit's side of default logging, as a third-party adapter uses it: one logger handed to
// `createFaultline`, the framework's own object passed to `handle` as its context.

interface Seen {
  thrown: unknown;
  fault: Fault;
  path: string;
  context: { reply: string };
}

function recording(): { seen: Seen[]; logger: DefaultLogger<{ reply: string }> } {
  const seen: Seen[] = [];
  return { seen, logger: (thrown, fault, request, context) => seen.push({ thrown, fault, path: request.path, context }) };
}

const request = { method: 'GET', path: '/report' };

describe('createFaultline(options, logger)', () => {
  it('gets the thrown value itself, the fault, the request and the context of an unexpected fault', () => {
    const { seen, logger } = recording();
    const core = createFaultline({}, logger);
    const thrown = new Error('db down');
    const context = { reply: 'the framework reply' };
    expect(core.handle(thrown, request, context).status).toBe(500);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.thrown).toBe(thrown);
    expect(seen[0]?.fault.status).toBe(500);
    expect(seen[0]?.fault.stack).toBeUndefined(); // outside debug the fault has none: the logger reads the thrown value's
    expect(seen[0]?.path).toBe('/report');
    expect(seen[0]?.context).toBe(context);
  });

  it('is not called for an expected 4xx', () => {
    const { seen, logger } = recording();
    const core = createFaultline({}, logger);
    core.handle(errors.notFound(), request, { reply: 'r' });
    core.handle(errors.tooManyRequests(), request, { reply: 'r' });
    expect(seen).toEqual([]);
  });

  it('onError replaces it; logUnexpected: false silences it; logUnexpected: true keeps it beside onError', () => {
    for (const [options, calls] of [
      [{ onError: () => undefined }, 0],
      [{ logUnexpected: false }, 0],
      [{ logUnexpected: true, onError: () => undefined }, 1],
    ] as const) {
      const { seen, logger } = recording();
      createFaultline(options, logger).handle(new Error('x'), request, { reply: 'r' });
      expect(seen, JSON.stringify(options)).toHaveLength(calls);
    }
  });

  it('a logger that chokes on a hostile value gets a plain Error standing in for it; the response is unchanged', () => {
    const given: unknown[] = [];
    const hostile = new Proxy(new Error('boom'), {});
    const core = createFaultline({}, (thrown) => {
      given.push(thrown);
      if (thrown === hostile) throw new TypeError('serializer failed');
    });
    expect(core.handle(hostile, request).status).toBe(500);
    expect(given).toHaveLength(2);
    const standIn = given[1] as Error;
    expect(standIn).toBeInstanceOf(Error);
    expect(standIn.message).toBe('boom');
    expect(standIn.stack).toContain('Error: boom');
  });

  it('a logger that always throws changes nothing', () => {
    const core = createFaultline({}, () => {
      throw new Error('logger down');
    });
    expect(core.handle(new Error('x'), request).status).toBe(500);
  });
});
