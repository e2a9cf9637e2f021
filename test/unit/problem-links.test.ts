import createError from 'http-errors';
import { describe, expect, it } from 'vitest';
import { createFaultline, defineErrors, errors, presets, type RequestFacts } from '../../src/index.js';
import { codeSlug } from '../../src/kit.js';

const BASE = 'https://docs.example.com/errors/';
const AppErrors = defineErrors({
  INSUFFICIENT_FUNDS: { status: 409, message: 'Unable to process request due to the lack of funds' },
  invalidToken: { status: 401, message: 'Invalid token' },
  LEDGER_DOWN: { status: 503, message: 'The ledger is down' },
});
const request = (path = '/pins/7'): RequestFacts => ({ method: 'GET', path, id: 'req-1' });
const body = (response: { body: string | null }) => JSON.parse(response.body as string) as Record<string, unknown>;

describe('codeSlug: a code as the last segment of its type URI', () => {
  it.each([
    ['INSUFFICIENT_FUNDS', 'insufficient-funds'],
    ['invalidToken', 'invalid-token'],
    ['2fa_required', '2fa-required'],
    ['missing_scope', 'missing-scope'],
    ['pin.not:found', 'pin-not-found'],
    ['A__B--C', 'a-b-c'],
    ['X', 'x'],
  ])('%s → %s', (code, slug) => {
    expect(codeSlug(code)).toBe(slug);
  });
});

describe('typeBase: problem details name the codes the app documents', () => {
  const core = createFaultline({ typeBase: BASE });

  it('a catalog entry: typeBase + its code in kebab case, with the status title', () => {
    expect(body(core.handle(AppErrors.INSUFFICIENT_FUNDS(), request()))).toEqual({
      type: `${BASE}insufficient-funds`,
      title: 'Conflict',
      status: 409,
      detail: 'Unable to process request due to the lack of funds',
      code: 'INSUFFICIENT_FUNDS',
    });
    expect(body(core.handle(AppErrors.invalidToken(), request())).type).toBe(`${BASE}invalid-token`);
  });

  it("a preset's catalog is the app's documented errors too", () => {
    const preset = createFaultline({ typeBase: 'https://docs.example.com/errors#' });
    expect(body(preset.handle(presets.statusObject.errors.INVALID_TOKEN(), request())).type).toBe('https://docs.example.com/errors#invalid-token');
  });

  it('a default code the app configured (codes) is documented: even a 429 then names it', () => {
    const configured = createFaultline({ typeBase: BASE, codes: { 429: 'RATE_LIMITED', 404: 'NO_SUCH_THING' } });
    const limited = body(configured.handle(errors.tooManyRequests(undefined, { retryAfter: 5 }), request()));
    expect(limited).toMatchObject({ type: `${BASE}rate-limited`, title: 'Too Many Requests', status: 429, 'violated-policies': ['default'] });
    expect(body(configured.handle(errors.notFound(), request())).type).toBe(`${BASE}no-such-thing`);
  });

  it('anything else keeps about:blank (or the 429 quota type): built-in defaults, ad hoc codes, hidden 5xx', () => {
    expect(body(core.handle(errors.notFound(), request())).type).toBe('about:blank');
    expect(body(core.handle(createError(409, 'Duplicate', { code: 'DUPLICATE' }), request())).type).toBe('about:blank');
    expect(body(core.handle(errors.conflict('x', { code: 'AD_HOC' }), request())).type).toBe('about:blank');
    // A hidden 5xx shows the status's code, not the catalog's: nothing of it is documented there.
    expect(body(core.handle(AppErrors.LEDGER_DOWN(), request())).type).toBe('about:blank');
    expect(body(core.handle(errors.tooManyRequests(), request())).type).toBe('https://iana.org/assignments/http-problem-types#quota-exceeded');
  });

  it('without typeBase, even a catalog entry is about:blank', () => {
    expect(body(createFaultline().handle(AppErrors.INSUFFICIENT_FUNDS(), request())).type).toBe('about:blank');
  });

  it.each([
    ['a relative URI', '/errors/'],
    ['no trailing / # or =', 'https://docs.example.com/errors'],
    ['whitespace', 'https://docs.example.com/my errors/'],
    ['a quote', 'https://docs.example.com/"/'],
    ['not a string', 42],
  ])('typeBase with %s is refused at setup', (_name, value) => {
    expect(() => createFaultline({ typeBase: value as string })).toThrow(/option "typeBase"/);
  });
});

describe('instance: the URI of the occurrence', () => {
  it("'path': the request's path, per request (never the cached default response)", () => {
    const core = createFaultline({ instance: 'path' });
    expect(body(core.handle(errors.notFound(), request('/pins/7'))).instance).toBe('/pins/7');
    expect(body(core.handle(errors.notFound(), request('/pins/8'))).instance).toBe('/pins/8');
  });

  it('a function of the request', () => {
    const core = createFaultline({ instance: (r) => `urn:request:${r.id ?? 'none'}` });
    expect(body(core.handle(errors.forbidden(), request()))).toEqual({ type: 'about:blank', title: 'Forbidden', status: 403, detail: 'Forbidden', instance: 'urn:request:req-1' });
  });

  it('a function that throws, or answers no usable string, gives none; the response is unchanged otherwise', () => {
    const bad: ((r: RequestFacts) => string | undefined)[] = [
      () => {
        throw new Error('no');
      },
      () => undefined,
      () => 42 as never,
      () => '',
      () => 'urn:x\r\nSet-Cookie: a',
      () => 'x'.repeat(5000),
    ];
    for (const instance of bad) {
      expect(body(createFaultline({ instance }).handle(errors.forbidden(), request()))).toEqual({ type: 'about:blank', title: 'Forbidden', status: 403, detail: 'Forbidden' });
    }
  });

  it('an extra member named instance never takes its place', () => {
    const core = createFaultline({ instance: 'path' });
    expect(body(core.handle(errors.conflict('x', { extras: { instance: 'forged' } }), request('/a'))).instance).toBe('/a');
    expect(body(createFaultline().handle(errors.conflict('x', { extras: { instance: 'forged' } }), request('/a'))).instance).toBeUndefined();
  });

  it.each([['a string other than path', 'url'], ['a boolean', true]])('instance as %s is refused at setup', (_name, value) => {
    expect(() => createFaultline({ instance: value as never })).toThrow(/option "instance"/);
  });
});
