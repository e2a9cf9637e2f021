import { describe, expect, it } from 'vitest';
import { createFaultline, errors } from '../../src/index.js';
import { quality } from '../../src/kit.js';

const PROBLEM = 'application/problem+json';
const JSON_TYPE = 'application/json; charset=utf-8';

function answer(accept: string | undefined, options = {}) {
  const core = createFaultline(options);
  const header = (name: string) => (name === 'accept' ? accept : undefined);
  return core.handle(errors.notFound(), { method: 'GET', path: '/pins/1', header });
}

describe('content negotiation of the error media type', () => {
  it.each([
    ['no Accept', undefined, PROBLEM],
    ['anything', '*/*', PROBLEM],
    ['the envelope type', PROBLEM, PROBLEM],
    ['only JSON', 'application/json', JSON_TYPE],
    ['JSON, problem+json refused', 'application/json, application/problem+json;q=0', JSON_TYPE],
    ['JSON preferred by q', 'application/problem+json;q=0.5, application/json', JSON_TYPE],
    ['problem+json preferred by q', 'application/problem+json, application/json;q=0.9', PROBLEM],
    ['a tie keeps the envelope type (axios default)', 'application/json, text/plain, */*', PROBLEM],
    ['JSON first, the rest much lower', 'application/json, */*;q=0.1', JSON_TYPE],
    ['application/* ties', 'application/*', PROBLEM],
    ['neither acceptable: never a 406', 'text/html', PROBLEM],
    ['case and spaces', ' Application/JSON ; Q=1 ', JSON_TYPE],
    ['a malformed q counts as 0', 'application/json;q=abc, */*', PROBLEM],
  ])('%s → %s', (_name, accept, expected) => {
    const response = answer(accept);
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toBe(expected);
    expect(response.headers['vary']).toBe('Accept');
    // The same bytes either way.
    expect(response.body).toBe('{"type":"about:blank","title":"Not Found","status":404,"detail":"Not Found"}');
  });

  it('an envelope that already is application/json has nothing to negotiate and no Vary', () => {
    const response = answer('application/json', { envelope: 'status-object' });
    expect(response.headers['content-type']).toBe(JSON_TYPE);
    expect(response.headers['vary']).toBeUndefined();
  });

  it('negotiate: false always sends the envelope type, without Vary', () => {
    const response = answer('application/json', { negotiate: false });
    expect(response.headers['content-type']).toBe(PROBLEM);
    expect(response.headers['vary']).toBeUndefined();
  });

  it('a custom +json envelope negotiates the same way', () => {
    const envelope = { name: 'api', contentType: 'application/vnd.api+json', body: () => ({ errors: [] }) };
    expect(answer('application/json', { envelope }).headers['content-type']).toBe(JSON_TYPE);
    expect(answer(undefined, { envelope }).headers['content-type']).toBe('application/vnd.api+json');
  });

  it('q-values: the most specific matching range decides', () => {
    expect(quality('application/*;q=0.2, application/json;q=0.7', 'application/json')).toBe(0.7);
    expect(quality('application/*;q=0.2, */*;q=0.9', 'application/json')).toBe(0.2);
    expect(quality('text/html', 'application/json')).toBe(0);
    expect(quality('application/json;q=2', 'application/json')).toBe(0);
  });

  it('reads at most 64 ranges of a hostile header', () => {
    const hostile = `${'text/html, '.repeat(100_000)}application/json`;
    expect(answer(hostile).headers['content-type']).toBe(PROBLEM);
  });
});
