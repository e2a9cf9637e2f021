import { describe, expect, it } from 'vitest';
import { createFaultline, defineEnvelope, defineErrors, errors, type FaultlineOptions } from '../../src/index.js';
import { acceptedLocale, lookupLanguage } from '../../src/kit.js';

const AVAILABLE = new Map([
  ['en', 'en'],
  ['fr', 'fr'],
  ['pt-br', 'pt-BR'],
  ['zh-hant', 'zh-Hant'],
]);

describe('Accept-Language lookup (RFC 4647 §3.4, with q-values)', () => {
  it.each([
    ['fr', 'fr'],
    ['FR', 'fr'],
    ['fr-CA', 'fr'],
    ['fr-Latn-CA-x-private', 'fr'],
    ['zh-Hant-TW', 'zh-Hant'],
    ['pt-br', 'pt-BR'],
    ['de, fr;q=0.5', 'fr'],
    ['de;q=0.9, pt-BR;q=0.8, fr;q=0.1', 'pt-BR'],
    ['fr;q=0.5, pt-BR;q=0.5', 'fr'],
    ['en;q=0.2, fr', 'fr'],
    ['  fr-CA ; q=0.9 ,en;q=0.1', 'fr'],
  ])('%s → %s', (header, expected) => {
    expect(lookupLanguage(header, AVAILABLE)).toBe(expected);
  });

  it.each([
    ['pt (a range is never widened to pt-BR)', 'pt'],
    ['* alone', '*'],
    ['q=0 only', 'fr;q=0'],
    ['fr-CA accepted but fr refused: fr-CA never falls back to it', 'fr-CA, fr;q=0'],
    ['nothing offered', 'de, ja'],
    ['malformed ranges', 'fr_FR, 12, <script>, ;q=1'],
    ['an empty header', ''],
    ['a q-value out of range', 'fr;q=2'],
  ])('no match: %s', (_name, header) => {
    expect(lookupLanguage(header, AVAILABLE)).toBeUndefined();
  });

  it('reads at most 32 ranges of a hostile header', () => {
    expect(lookupLanguage(`${'xx, '.repeat(40)}fr`, AVAILABLE)).toBeUndefined();
    expect(lookupLanguage(`${'xx, '.repeat(10)}fr`, AVAILABLE)).toBe('fr');
  });

  it('acceptedLocale: the same choice for what faultline does not translate (ajv-i18n, zod)', () => {
    expect(acceptedLocale('fr-CA,fr;q=0.9', ['fr', 'de'])).toBe('fr');
    expect(acceptedLocale('ja', ['fr', 'de'])).toBeUndefined();
    expect(acceptedLocale(undefined, ['fr'])).toBeUndefined();
  });
});

const AppErrors = defineErrors({ INSUFFICIENT_FUNDS: { status: 409, message: 'Not enough funds' } });
const LOCALES = { fr: { NOT_FOUND: 'Ressource introuvable', INSUFFICIENT_FUNDS: 'Fonds insuffisants', 400: 'Requête invalide', 500: 'Erreur interne' } };
const asked = (language?: string) => ({ method: 'GET', path: '/x', header: (name: string) => (name === 'accept-language' ? language : undefined) });

function render(options: FaultlineOptions, thrown: unknown, language?: string) {
  const response = createFaultline({ envelope: 'error-message-code', ...options }).handle(thrown, asked(language));
  return { body: JSON.parse(response.body ?? 'null') as Record<string, unknown>, language: response.headers['content-language'], vary: response.headers['vary'] };
}

describe('locales: what is translated', () => {
  it('a code translation replaces the message of that code, whatever it is', () => {
    expect(render({ locales: LOCALES }, errors.notFound('No pin 7'), 'fr')).toEqual({
      body: { error: 'Not Found', message: 'Ressource introuvable', code: 'NOT_FOUND' },
      language: 'fr',
      vary: 'Accept-Language',
    });
    expect(render({ locales: LOCALES }, AppErrors.INSUFFICIENT_FUNDS(), 'fr').body['message']).toBe('Fonds insuffisants');
  });

  it("a status translation replaces only the default message, never a route's own words", () => {
    expect(render({ locales: LOCALES }, errors.badRequest(), 'fr')).toMatchObject({ body: { message: 'Requête invalide' }, language: 'fr' });
    expect(render({ locales: LOCALES }, errors.badRequest('Field x is odd'), 'fr')).toMatchObject({ body: { message: 'Field x is odd' }, language: 'en' });
  });

  it('the messages option is the default text a status translation replaces', () => {
    const options = { locales: LOCALES, messages: { 500: 'Something broke' } };
    expect(render(options, new Error('db down'), 'fr').body['message']).toBe('Erreur interne');
    expect(render(options, new Error('db down'), 'de')).toMatchObject({ body: { message: 'Something broke' }, language: 'en' });
  });

  it('titles stay the catalog’s reason phrases; the default language may have its own catalog', () => {
    const options: FaultlineOptions = { envelope: 'problem-details', locales: { ...LOCALES, de: {}, en: { NOT_FOUND: 'Nothing here' } } };
    const core = createFaultline(options);
    expect(JSON.parse(core.handle(errors.notFound(), asked('fr')).body ?? '')).toMatchObject({ title: 'Not Found', detail: 'Ressource introuvable' });
    expect(JSON.parse(core.handle(errors.notFound(), asked()).body ?? '')).toMatchObject({ title: 'Not Found', detail: 'Nothing here' });
  });

  it('an untranslated message says the default language, or the error’s own Content-Language', () => {
    expect(render({ locales: LOCALES, defaultLocale: 'en-GB' }, errors.conflict(), 'fr').language).toBe('en-GB');
    const german = errors.conflict('Doppelt', { headers: { 'Content-Language': 'de' } });
    expect(render({ locales: LOCALES }, german, 'fr').language).toBe('de');
  });

  it('without locales: no Content-Language, no Vary on Accept-Language, nothing translated', () => {
    expect(render({}, errors.notFound(), 'fr')).toEqual({ body: { error: 'Not Found', message: 'Not Found', code: 'NOT_FOUND' }, language: undefined, vary: undefined });
  });

  it('the cached default responses are kept per language', () => {
    const core = createFaultline({ locales: LOCALES });
    const first = core.handle(errors.notFound(), asked('fr'));
    expect(core.handle(errors.notFound(), asked('fr'))).toBe(first);
    expect(core.handle(errors.notFound(), asked('en')).body).toContain('"detail":"Not Found"');
    expect(core.handle(errors.notFound(), asked('fr-CA')).body).toContain('"detail":"Ressource introuvable"');
  });

  it('a custom envelope gets the translated message', () => {
    const mine = defineEnvelope({ name: 'mine', body: (f) => ({ oops: f.message }) });
    expect(render({ envelope: mine, locales: LOCALES }, errors.notFound(), 'fr').body).toEqual({ oops: 'Ressource introuvable' });
  });
});

describe('validators translate their own messages; faultline keeps them', () => {
  it('ajv-i18n: localised messages stay (required, additionalProperties included), with their keywords and params', async () => {
    const { Ajv } = await import('ajv');
    const { createRequire } = await import('node:module');
    const localize = createRequire(import.meta.url)('ajv-i18n') as Record<string, (errors: unknown) => void>;
    const validate = new Ajv({ allErrors: true }).compile({
      type: 'object',
      required: ['name'],
      properties: { name: { type: 'string' }, size: { type: 'integer', minimum: 1 } },
      additionalProperties: false,
    });
    validate({ size: 0, extra: true });
    localize['fr']?.(validate.errors);
    const fault = createFaultline().normalize(validate.errors);
    expect(fault.issues).toEqual([
      { location: 'body', pointer: '/name', keyword: 'required', message: 'requiert la propriété name' },
      { location: 'body', pointer: '/extra', keyword: 'additionalProperties', message: 'ne doit pas contenir de propriétés additionnelles' },
      { location: 'body', pointer: '/size', keyword: 'minimum', message: 'doit être >= 1', params: { comparison: '>=', limit: 1 } },
    ]);
  });
});
