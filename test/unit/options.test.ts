import { describe, expect, it } from 'vitest';
import { createFaultline, defineEnvelope, map, presets } from '../../src/index.js';

// What a JavaScript user can pass, and the one message each gets when the handler is made.
const BAD: readonly (readonly [string, Record<string, unknown>, RegExp])[] = [
  ['a typo of a key', { envelop: 'status-object' }, /unknown option "envelop" \(did you mean "envelope"\?\); the options are envelope, variants/],
  ['a key in the wrong case', { ratelimitHeaders: 'draft-7' }, /unknown option "ratelimitHeaders" \(did you mean "rateLimitHeaders"\?\)/],
  ['a key nothing resembles', { colour: 'red' }, /unknown option "colour"; the options are/],
  ['an unknown envelope name', { envelope: 'problem' }, /option "envelope" is "problem"; allowed: "reason-details", "error-message-code", "status-object", "numeric-code" or "problem-details" or an envelope made by defineEnvelope\(\)/],
  ['a message that is not a string', { messages: { 500: 42 } }, /option "messages" is invalid: "500" is 42 \(a number\), not a string/],
  ['a message for a success status', { messages: { 200: 'ok' } }, /option "messages" is invalid: key "200" is not a status from 400 to 599/],
  ['a code that is not a machine code', { codes: { 429: 'rate limited!' } }, /option "codes" is invalid: "429" is "rate limited!", not a machine code/],
  ['a preset by name', { preset: 'reasonDetails' }, /option "preset" is invalid: a preset is passed as the object presets\.reasonDetails, not by its name/],
  ['an unknown header standard', { rateLimitHeaders: 'draft-9' }, /option "rateLimitHeaders" is "draft-9"; allowed: "draft-8", "draft-7", "draft-6", "legacy" or false/],
  ['a validation status other than 400 or 422', { validationStatus: 409 }, /option "validationStatus" is 409 \(a number\); allowed: 400 or 422/],
  ['debug as a string', { debug: 'true' }, /option "debug" is "true"; allowed: true or false/],
  ['onError that is not a function', { onError: console }, /option "onError" is an object; allowed: a function/],
  ['logUnexpected as a string', { logUnexpected: 'no' }, /option "logUnexpected" is "no"; allowed: true or false/],
  ['an empty challenge', { challenge: '' }, /option "challenge" is ""; allowed: a non-empty string or \{ scheme: 'Bearer', params\?: \{ realm: 'api' \} \} with token names and string values or false/],
  ['a challenge scheme that is not a token', { challenge: { scheme: 'Bearer realm="x"' } }, /option "challenge" is an object; allowed: a non-empty string or \{ scheme/],
  ['a challenge parameter that is not a string', { challenge: { scheme: 'Bearer', params: { realm: 1 } } }, /option "challenge" is an object/],
  ['a header name with a space', { exposeHeaders: ['X Trace'] }, /option "exposeHeaders" is invalid: item 0 is "X Trace", not a header name/],
  ['a domain class instead of a mapping', { map: [Error] }, /option "map" is invalid: item 0 is a function, not a mapping made by map\(\)/],
  ['negotiate as a number', { negotiate: 0 }, /option "negotiate" is 0 \(a number\); allowed: true or false/],
  ['methodNotAllowed as a string', { methodNotAllowed: 'no' }, /option "methodNotAllowed" is "no"; allowed: true or false/],
  ['a variant that is not an envelope', { variants: { 413: 'flat' } }, /option "variants" is invalid: "413" is "flat", not/],
  ['onError with a logger in its list', { onError: [() => undefined, console] }, /option "onError" is an array; allowed: a function or an array of functions/],
  ['locales keyed by something not a language tag', { locales: { 'fr FR': {} } }, /option "locales" is invalid: key "fr FR" is not a language tag such as 'fr' or 'pt-BR'/],
  ['a locale message that is not a string', { locales: { fr: { NOT_FOUND: 404 } } }, /option "locales" is invalid: "fr": "NOT_FOUND" is 404 \(a number\), not a string/],
  ['a locale keyed by a success status', { locales: { fr: { 200: 'ok' } } }, /option "locales" is invalid: "fr": key "200" is not a machine code or a status from 400 to 599/],
  ['locales as a flat object of messages', { locales: { NOT_FOUND: 'Introuvable' } }, /option "locales" is invalid: key "NOT_FOUND" is not a language tag such as 'fr' or 'pt-BR'/],
  ['a language whose messages are a string', { locales: { fr: 'Introuvable' } }, /option "locales" is invalid: "fr": is not an object of messages by machine code or status/],
  ['a default locale with a space', { defaultLocale: 'en US' }, /option "defaultLocale" is "en US"; allowed: a language tag/],
  ['traceId as a header name', { traceId: 'x-request-id' }, /option "traceId" is "x-request-id"; allowed: true or false or a function/],
];

describe('options are checked when the handler is made', () => {
  it.each(BAD)('%s', (_name, options, message) => {
    expect(() => createFaultline(options)).toThrow(TypeError);
    expect(() => createFaultline(options)).toThrow(message);
  });

  it('options that are not an object', () => {
    expect(() => createFaultline('problem-details' as never)).toThrow(/faultline: options must be an object, not "problem-details"/);
  });

  it('a preset with a member no preset has', () => {
    expect(() => createFaultline({ preset: { name: 'mine', envelop: 'x' } as never })).toThrow(/unknown preset "mine" option "envelop" \(did you mean "envelope"\?\)/);
  });

  it('good options pass, undefined means the default', () => {
    const core = createFaultline({
      envelope: defineEnvelope({ name: 'mine', body: (f) => ({ oops: f.code }) }),
      variants: { 413: 'reason-details', RATE_LIMITED: 'status-object' },
      messages: { 500: 'Please try again later' },
      codes: { 429: 'RATE_LIMITED' },
      map: [map(RangeError, 400)],
      debug: undefined,
      onError: () => undefined,
      logUnexpected: true,
      challenge: { scheme: 'Bearer', params: { realm: 'pins' } },
      validationStatus: 422,
      exposeHeaders: ['X-Trace'],
      rateLimitHeaders: false,
      preset: presets.statusObject,
      recognizers: [() => undefined],
      negotiate: false,
      locales: { fr: { NOT_FOUND: 'Introuvable', 500: 'Erreur interne' }, 'pt-BR': {} },
      defaultLocale: 'en-GB',
      traceId: () => undefined,
      methodNotAllowed: false,
    });
    expect(core.settings.validationStatus).toBe(422);
  });

  it('every built-in preset passes its own check', () => {
    for (const preset of Object.values(presets)) expect(() => createFaultline({ preset })).not.toThrow();
  });
});
