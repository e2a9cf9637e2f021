import { describe, expect, it } from 'vitest';
import { createFaultline, errors, type FaultlineOptions } from '../../src/index.js';
import { isRequestId, traceIdOfTraceparent } from '../../src/kit.js';
import { ENVELOPES, type EnvelopeName } from '../../src/index.js';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';

describe('traceparent (W3C Trace Context)', () => {
  it.each([
    [`00-${TRACE_ID}-00f067aa0ba902b7-01`, TRACE_ID],
    [`00-${TRACE_ID}-00f067aa0ba902b7-00`, TRACE_ID],
    [`  00-${TRACE_ID}-00f067aa0ba902b7-01  `, TRACE_ID],
    [`01-${TRACE_ID}-00f067aa0ba902b7-01-future-field`, TRACE_ID],
  ])('%s → its trace id', (header, expected) => {
    expect(traceIdOfTraceparent(header)).toBe(expected);
  });

  it.each([
    ['upper-case hex', `00-${TRACE_ID.toUpperCase()}-00f067aa0ba902b7-01`],
    ['an all-zero trace id', `00-${'0'.repeat(32)}-00f067aa0ba902b7-01`],
    ['an all-zero parent id', `00-${TRACE_ID}-0000000000000000-01`],
    ['version ff', `ff-${TRACE_ID}-00f067aa0ba902b7-01`],
    ['version 00 with a field too many', `00-${TRACE_ID}-00f067aa0ba902b7-01-x`],
    ['a short trace id', `00-${TRACE_ID.slice(1)}-00f067aa0ba902b7-01`],
    ['markup', `00-${TRACE_ID.slice(0, 28)}"><a-00f067aa0ba902b7-01`],
    ['nothing', undefined],
    ['a huge header', `00-${TRACE_ID}-00f067aa0ba902b7-01-${'a'.repeat(1000)}`],
  ])('%s → none', (_name, header) => {
    expect(traceIdOfTraceparent(header)).toBeUndefined();
  });

  it('request ids: the usual shapes pass, markup, quotes, spaces and huge values do not', () => {
    for (const id of ['req-1', '42', 'f3c1e2a0-9b7d-4c4e-8a51-2b6f0c9d7e11', '01ARZ3NDEKTSV4RRFFQ69G5FAV', 'YWJj+/Zg==', 'svc:api.v1_7']) expect(isRequestId(id)).toBe(true);
    for (const id of ['', ' x', 'a b', '"><script>', 'x'.repeat(129), 'é', '-leading', 'a\nb']) expect(isRequestId(id)).toBe(false);
  });
});

const request = (headers: Record<string, string>, id?: string) => ({
  method: 'GET',
  path: '/x',
  ...(id === undefined ? {} : { id }),
  header: (name: string) => headers[name],
});

function body(options: FaultlineOptions, thrown: unknown, headers: Record<string, string> = {}, id?: string): Record<string, unknown> {
  return JSON.parse(createFaultline(options).handle(thrown, request(headers, id)).body ?? 'null') as Record<string, unknown>;
}

function tracerDown(): never {
  throw new Error('tracer down');
}

describe('the traceId option', () => {
  it('off by default: no member, even with a traceparent', () => {
    expect(body({}, errors.notFound(), { traceparent: `00-${TRACE_ID}-00f067aa0ba902b7-01` }, 'req-1')).not.toHaveProperty('traceId');
  });

  it('the traceparent first, then the request id, never a malformed one', () => {
    expect(body({ traceId: true }, errors.notFound(), { traceparent: `00-${TRACE_ID}-00f067aa0ba902b7-01` }, 'req-1')['traceId']).toBe(TRACE_ID);
    expect(body({ traceId: true }, errors.notFound(), { traceparent: 'garbage' }, 'req-1')['traceId']).toBe('req-1');
    expect(body({ traceId: true }, errors.notFound(), {}, '"><img src=x>')).not.toHaveProperty('traceId');
  });

  it('a source of the app’s own is tried first; junk or a throw falls through', () => {
    expect(body({ traceId: () => 'abc-123' }, errors.notFound(), {}, 'req-1')['traceId']).toBe('abc-123');
    expect(body({ traceId: () => 'not an id!' }, errors.notFound(), {}, 'req-1')['traceId']).toBe('req-1');
    expect(body({ traceId: tracerDown }, errors.notFound(), {}, 'req-1')['traceId']).toBe('req-1');
  });

  it('a hidden 500 carries it too: the id is what a support ticket quotes', () => {
    expect(body({ traceId: true }, new Error('db down'), {}, 'req-9')).toEqual({
      type: 'about:blank',
      title: 'Internal Server Error',
      status: 500,
      detail: 'Internal Server Error',
      traceId: 'req-9',
    });
  });

  it('an error’s own traceId member cannot replace it', () => {
    const thrown = errors.conflict('dup', { extras: { traceId: 'forged', other: 1 } });
    expect(body({ traceId: true }, thrown, {}, 'req-2')).toMatchObject({ traceId: 'req-2', other: 1 });
    expect(body({}, thrown, {}, 'req-2')).toMatchObject({ traceId: 'forged', other: 1 });
  });

  it.each(Object.keys(ENVELOPES) as EnvelopeName[])('%s: the cached default response with a spliced id is byte for byte the full rendering', (envelope) => {
    const cached = createFaultline({ envelope, traceId: true });
    // A fault with one more member (an absent retryAfter) is not a default one: rendered in full.
    for (const id of ['req-1', 'req-22', TRACE_ID]) {
      const fast = cached.handle(errors.notFound(), request({}, id));
      const again = cached.handle(errors.notFound(), request({}, id));
      const full = createFaultline({ envelope, traceId: true }).render({ status: 404, code: 'NOT_FOUND', message: 'Not Found', expose: true, retryAfter: undefined } as never, request({}, id));
      expect(again).toEqual(fast);
      expect(fast.body).toBe(full.body);
      expect(fast.headers).toEqual(full.headers);
      expect(JSON.parse(fast.body ?? '')).toMatchObject({ traceId: id });
    }
  });
});
