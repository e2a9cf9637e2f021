import { describe, expect, it } from 'vitest';
import { createFaultline, defineEnvelope, errors, HttpError } from '../../src/index.js';
import { resolveSettings } from '../../src/kit.js';

const handle = (thrown: unknown, options: Parameters<typeof createFaultline>[0]) => createFaultline(options).handle(thrown, { method: 'GET', path: '/x' });

// `codes`: default machine codes by status, the core capability the seed presets needed (seed 000's RATE_LIMITED).
describe('options.codes', () => {
  it('replaces the built-in code wherever it would show, hidden 5xx included', () => {
    const options = { envelope: 'reason-details' as const, codes: { 429: 'RATE_LIMITED', 500: 'INTERNAL_ERROR' } };
    expect(handle(errors.tooManyRequests(), options).body).toBe('{"error":{"reason":"RATE_LIMITED","details":"Too Many Requests"}}');
    expect(handle(new Error('secret'), options).body).toBe('{"error":{"reason":"INTERNAL_ERROR","details":"Internal Server Error"}}');
    // A hidden 5xx with its own code still leaves with the configured one, never its own.
    expect(handle(new HttpError(500, 'x', { code: 'DB_DOWN' }), options).body).toBe('{"error":{"reason":"INTERNAL_ERROR","details":"Internal Server Error"}}');
  });
  it("an error's own code wins", () => {
    expect(handle(new HttpError(429, undefined, { code: 'QUOTA' }), { envelope: 'reason-details', codes: { 429: 'RATE_LIMITED' } }).body).toBe(
      '{"error":{"reason":"QUOTA","details":"Too Many Requests"}}',
    );
  });
  it('is the status\'s default code: problem details adds no code member for it, variants can key on it', () => {
    expect(handle(errors.tooManyRequests(), { codes: { 404: 'MISSING' } }).body).not.toContain('"code"');
    expect(handle(errors.notFound(), { codes: { 404: 'MISSING' } }).body).toBe('{"type":"about:blank","title":"Not Found","status":404,"detail":"Not Found"}');
    const flat = defineEnvelope({ name: 'flat', body: (f) => ({ error: f.code }) });
    expect(handle(errors.notFound(), { codes: { 404: 'MISSING' }, variants: { MISSING: flat } }).body).toBe('{"error":"MISSING"}');
  });
  it('the fallback 500 (an envelope that throws) uses the configured 500 code', () => {
    const broken = defineEnvelope({ name: 'broken', body: () => { throw new Error('bug'); } });
    const r = handle(errors.imATeapot(), { envelope: 'reason-details', codes: { 500: 'INTERNAL_ERROR' }, variants: { 418: broken } });
    expect(r.status).toBe(500);
    expect(r.body).toBe('{"error":{"reason":"INTERNAL_ERROR","details":"Internal Server Error"}}');
  });
  it('bad keys and codes throw at setup, never per request', () => {
    expect(() => resolveSettings({ codes: { 302: 'FOUND' } })).toThrow(/key "302" is not a status from 400 to 599/);
    expect(() => resolveSettings({ codes: { 404: 'has space' } })).toThrow(/machine code/);
    expect(() => resolveSettings({ codes: { 404: '' } })).toThrow(/machine code/);
    expect(resolveSettings({ codes: { 404: 'MISSING' } }).codes.get(404)).toBe('MISSING');
  });
});
