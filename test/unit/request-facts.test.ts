// The kit's request facts for web-standard requests: the path as the client sent it, the id, the
// headers, and the signal that says the client has gone.
import { describe, expect, it } from 'vitest';
import { urlPath, webRequestFacts } from '../../src/kit.js';

describe('urlPath: the path of an absolute URL, as sent, without query or fragment', () => {
  it.each([
    ['http://127.0.0.1:3000/pins/42', '/pins/42'],
    ['http://127.0.0.1:3000/pins/42?x=1&y=/z', '/pins/42'],
    ['http://127.0.0.1:3000/pins#top', '/pins'],
    ['http://127.0.0.1:3000/a?b#c', '/a'],
    ['http://127.0.0.1:3000/a#b?c', '/a'],
    ['http://127.0.0.1:3000', '/'],
    ['http://127.0.0.1:3000?x=1', '/'],
    ['http://127.0.0.1:3000/%E2%9C%93/../x', '/%E2%9C%93/../x'],
    ['https://api.example.com//double//slash', '//double//slash'],
  ])('%s → %s', (url, path) => {
    expect(urlPath(url)).toBe(path);
  });
});

describe('webRequestFacts: what the core is told about a Request', () => {
  it('method, path, X-Request-Id, headers read case-insensitively', () => {
    const request = new Request('http://127.0.0.1/pins/42?page=2', { method: 'DELETE', headers: { 'X-Request-Id': 'abc-1', Accept: 'application/json' } });
    const facts = webRequestFacts(request);
    expect(facts).toMatchObject({ method: 'DELETE', path: '/pins/42', id: 'abc-1' });
    expect(facts.header?.('accept')).toBe('application/json');
    expect(facts.header?.('x-missing')).toBeUndefined();
  });

  it("a framework's own id wins over the header; without either, no id", () => {
    const request = new Request('http://127.0.0.1/', { headers: { 'x-request-id': 'from-client' } });
    expect(webRequestFacts(request, 'from-framework').id).toBe('from-framework');
    expect(webRequestFacts(new Request('http://127.0.0.1/')).id).toBeUndefined();
  });

  it('aborted() and signal follow the request signal', () => {
    const controller = new AbortController();
    const facts = webRequestFacts(new Request('http://127.0.0.1/upload', { method: 'POST', body: 'x', signal: controller.signal }));
    expect(facts.aborted?.()).toBe(false);
    controller.abort();
    expect(facts.aborted?.()).toBe(true);
    expect(facts.signal?.aborted).toBe(true);
  });
});
