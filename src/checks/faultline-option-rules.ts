import { ENVELOPES } from '../envelopes/index.js';
import { authChallenge } from '../headers/auth-challenge.js';
import { headerName } from '../headers/header-value.js';
import { RECOGNIZER_FAMILIES } from '../normalize/normalize.js';
import type { FaultlineOptions, Preset } from '../options.js';
import { RATE_LIMIT_HEADER_STANDARDS } from '../rate-limit/standard.js';
import { isLanguageTag } from '../locales/language-tag.js';
import { CODE } from '../normalize/fault-input.js';
import type { OptionRules } from './check-options.js';
import { isObject, nonEmptyString } from './common-rules.js';
import { machineCode, statusKey } from './fault-rules.js';
import { arrayOf, either, isBoolean, isFunction, isString, oneOf, recordOf, satisfies, type Rule } from './rule.js';

// An absolute URI (scheme first) without whitespace, control characters or what RFC 3986 never allows.
// oxlint-disable-next-line no-control-regex -- matching control characters is the point
const ABSOLUTE_URI_BASE = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s\x00-\x1f\x7f"<>\\^`{|}]*[/#=]$/;

const envelopeObject = /* @__PURE__ */ satisfies(
  'an envelope made by defineEnvelope()',
  (v) => isObject(v) && typeof v['body'] === 'function' && (v['contentType'] === undefined || typeof v['contentType'] === 'string'),
);
/** A built-in envelope's name or one made by `defineEnvelope()`. */
export const envelope = /* @__PURE__ */ (() => either(oneOf(Object.keys(ENVELOPES)), envelopeObject))();

const languageTag = /* @__PURE__ */ satisfies("a language tag such as 'fr' or 'pt-BR'", isLanguageTag);
// Digits are a status (and must be an error status); anything else a machine code.
const messageKey = /* @__PURE__ */ satisfies('a machine code or a status from 400 to 599', (v) =>
  typeof v === 'string' && (/^\d+$/.test(v) ? statusKey.check(v) === true : CODE.test(v)),
);
const localeMessages = /* @__PURE__ */ recordOf(messageKey, isString, 'an object of messages by machine code or status');

/** `{ fr: { NOT_FOUND: '…', 500: '…' } }`, saying which language's which key is wrong. */
const locales: Rule = {
  allowed: "an object of messages by language tag, then by machine code or status, such as { fr: { NOT_FOUND: 'Ressource introuvable', 500: 'Erreur interne' } }",
  check(v) {
    if (!isObject(v) || Array.isArray(v)) return false;
    for (const [tag, messages] of Object.entries(v)) {
      if (!isLanguageTag(tag)) return `key ${JSON.stringify(tag)} is not ${languageTag.allowed}`;
      const verdict = localeMessages.check(messages);
      if (verdict !== true) return `${JSON.stringify(tag)}: ${verdict === false ? `is not ${localeMessages.allowed}` : verdict}`;
    }
    return true;
  },
};

export const mapping = /* @__PURE__ */ satisfies('a mapping made by map()', (v) => isObject(v) && typeof v['matches'] === 'function' && typeof v['resolve'] === 'function');

/** `{ scheme, params? }`: checked by building it, which throws for a scheme or name that is not a token. */
const challengeObject = /* @__PURE__ */ satisfies("{ scheme: 'Bearer', params?: { realm: 'api' } } with token names and string values", (v) => {
  if (!isObject(v) || Array.isArray(v)) return false;
  try {
    authChallenge(v['scheme'] as string, (v['params'] ?? {}) as Record<string, string>);
    return true;
  } catch {
    return false;
  }
});

/** A preset object; its own members are checked by `PRESET_RULES` when it is resolved. */
const preset: Rule = {
  allowed: "a preset object such as presets.statusObject (import { presets } from 'faultline')",
  check(v) {
    if (typeof v === 'string') return `a preset is passed as the object presets.${v}, not by its name`;
    return isObject(v) && typeof v['name'] === 'string';
  },
};

/** The rules of `FaultlineOptions`, every option of every adapter's handler. */
export const FAULTLINE_OPTION_RULES: OptionRules<FaultlineOptions> = /* @__PURE__ */ (() => ({
  envelope,
  variants: recordOf(either(statusKey, machineCode), envelope, 'an object of envelopes by status or code, such as { 413: flatEnvelope }'),
  messages: recordOf(statusKey, isString, "an object of messages by status, such as { 500: 'Please try again later' }"),
  codes: recordOf(statusKey, machineCode, "an object of machine codes by status, such as { 429: 'RATE_LIMITED' }"),
  map: arrayOf(mapping, 'an array of mappings made by map()'),
  debug: isBoolean,
  onError: either(isFunction, arrayOf(isFunction, 'an array of functions')),
  logUnexpected: isBoolean,
  challenge: either(nonEmptyString, challengeObject, oneOf([false])),
  validationStatus: oneOf([400, 422]),
  exposeHeaders: arrayOf(satisfies('a header name', (v) => headerName(v) !== undefined), 'an array of header names'),
  rateLimitHeaders: oneOf(RATE_LIMIT_HEADER_STANDARDS),
  preset,
  recognizers: arrayOf(isFunction, 'an array of recognizer functions'),
  negotiate: isBoolean,
  disableRecognizers: arrayOf(oneOf(Object.keys(RECOGNIZER_FAMILIES)), `an array of recognizer families: ${Object.keys(RECOGNIZER_FAMILIES).join(', ')}`),
  locales,
  defaultLocale: languageTag,
  traceId: either(isBoolean, isFunction),
  methodNotAllowed: isBoolean,
  typeBase: satisfies(
    "an absolute URI ending with '/', '#' or '=', such as 'https://docs.example.com/errors/'",
    (v) => typeof v === 'string' && v.length <= 512 && ABSOLUTE_URI_BASE.test(v),
  ),
  instance: either(oneOf(['path']), isFunction),
}))();

/** A preset's members: the options a preset may set, its name and its documented catalog. */
export const PRESET_RULES: OptionRules<Preset> = /* @__PURE__ */ (() => ({
  envelope: FAULTLINE_OPTION_RULES.envelope,
  variants: FAULTLINE_OPTION_RULES.variants,
  messages: FAULTLINE_OPTION_RULES.messages,
  codes: FAULTLINE_OPTION_RULES.codes,
  map: FAULTLINE_OPTION_RULES.map,
  challenge: FAULTLINE_OPTION_RULES.challenge,
  validationStatus: FAULTLINE_OPTION_RULES.validationStatus,
  exposeHeaders: FAULTLINE_OPTION_RULES.exposeHeaders,
  rateLimitHeaders: FAULTLINE_OPTION_RULES.rateLimitHeaders,
  negotiate: FAULTLINE_OPTION_RULES.negotiate,
  methodNotAllowed: FAULTLINE_OPTION_RULES.methodNotAllowed,
  typeBase: FAULTLINE_OPTION_RULES.typeBase,
  instance: FAULTLINE_OPTION_RULES.instance,
  name: isString,
  errors: satisfies('a catalog made by defineErrors()', isObject),
}))();
