import { describe, expect, it } from 'vitest';
import { codeSlug } from '../../src/kit.js';

describe('codeSlug: a code as it appears in an anchor and a problem type URI', () => {
  it.each([
    ['INSUFFICIENT_FUNDS', 'insufficient-funds'],
    ['NOT_FOUND', 'not-found'],
    ['rateLimited', 'rate-limited'],
    ['RateLimited', 'rate-limited'],
    ['HTTPTimeout', 'http-timeout'],
    ['HTTP2_ERROR', 'http2-error'],
    ['E50014', 'e50014'],
    ['pin.not-found', 'pin-not-found'],
    ['  __WEIRD__--code  ', 'weird-code'],
    ['ÜBER_LIMIT', 'über-limit'],
    ['', ''],
    ['___', ''],
  ])('%j → %j', (code, slug) => {
    expect(codeSlug(code)).toBe(slug);
  });

  it('never yields what a URI fragment or an HTML id would need escaped', () => {
    for (const code of ['A B', 'a/b', 'a#b', 'a"b', "a'b", 'a<b>', 'a&b', 'a%20b', 'a\nb', 'a?b=c']) {
      expect(codeSlug(code)).toMatch(/^[\p{L}\p{N}]+(-[\p{L}\p{N}]+)*$/u);
    }
  });
});
