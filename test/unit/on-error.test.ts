import { describe, expect, it } from 'vitest';
import { createFaultline, errors, isUnexpected, type Fault } from '../../src/index.js';

const request = { method: 'GET', path: '/pins/1' };

describe('onError', () => {
  it('is handed the original thrown value, untouched, with the fault and the request', () => {
    const seen: [Fault, unknown, unknown][] = [];
    const thrown = Object.freeze(new TypeError('db down'));
    createFaultline({ onError: (fault, value, req) => seen.push([fault, value, req]) }).handle(thrown, request);
    expect(seen).toHaveLength(1);
    const [fault, value, req] = seen[0] as [Fault, unknown, unknown];
    expect(value).toBe(thrown);
    expect(req).toBe(request);
    expect(fault).toMatchObject({ status: 500, code: 'INTERNAL_SERVER_ERROR', expose: false });
    expect(isUnexpected(fault)).toBe(true);
  });

  it('a list runs every hook in order, whatever one before it threw; the response is unchanged', () => {
    const order: string[] = [];
    const hooks = [
      () => order.push('trace'),
      () => {
        order.push('broken tracker');
        throw new Error('tracker down');
      },
      () => order.push('log'),
    ];
    const response = createFaultline({ onError: hooks }).handle(errors.notFound(), request);
    expect(order).toEqual(['trace', 'broken tracker', 'log']);
    expect(response.status).toBe(404);
    expect(createFaultline().handle(errors.notFound(), request)).toEqual(response);
  });

  it('an empty list is no hook at all', () => {
    expect(createFaultline({ onError: [] }).settings.onError).toBeUndefined();
  });
});
