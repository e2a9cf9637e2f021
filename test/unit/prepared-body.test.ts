// A status's default response is rendered once per handler; its body is encoded once too, so an
// adapter writes the same bytes without encoding the string on every request.
import { describe, expect, it } from 'vitest';
import { createFaultline, errors } from '../../src/index.js';
import { isStaleHeader, preparedBody, STALE_HEADERS } from '../../src/kit.js';

const GET = { method: 'GET', path: '/pins/42' };

describe('preparedBody', () => {
  it('is the UTF-8 of a cached default response, the same bytes each time', () => {
    const faultline = createFaultline({ messages: { 404: 'Pas trouvé' } });
    const first = faultline.handle(errors.notFound(), GET);
    const second = faultline.handle(errors.notFound(), GET);
    expect(second).toBe(first);
    const bytes = preparedBody(first);
    expect(bytes).toEqual(new TextEncoder().encode(first.body ?? ''));
    expect(bytes?.length).toBeGreaterThan((first.body ?? '').length); // "é" is two bytes
    expect(preparedBody(second)).toBe(bytes);
  });

  it('is undefined for a response rendered for one error (own message, issues), a HEAD, a negotiated type', () => {
    const faultline = createFaultline();
    expect(preparedBody(faultline.handle(errors.notFound('No pin 42'), GET))).toBeUndefined();
    expect(preparedBody(faultline.handle(errors.badRequest('Invalid', { issues: [{ location: 'body', pointer: '/cid', keyword: 'type', message: 'must be string' }] }), GET))).toBeUndefined();
    expect(preparedBody(faultline.handle(errors.notFound(), { method: 'HEAD', path: '/pins/42' }))).toBeUndefined();
    const json = faultline.handle(errors.notFound(), { ...GET, header: (name) => (name === 'accept' ? 'application/json' : undefined) });
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(preparedBody(json)).toBeUndefined();
  });
});

describe('isStaleHeader', () => {
  it('is exactly STALE_HEADERS', () => {
    for (const name of STALE_HEADERS) expect(isStaleHeader(name)).toBe(true);
    for (const name of ['vary', 'access-control-allow-origin', 'cache-control', 'x-request-id']) expect(isStaleHeader(name)).toBe(false);
  });
});
