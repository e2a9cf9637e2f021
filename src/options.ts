import type { Envelope, EnvelopeName } from './envelopes/envelope.js';
import { resolveEnvelope } from './envelopes/index.js';
import type { ErrorFactory } from './errors/define-errors.js';
import type { Fault } from './fault/fault.js';
import { ALLOWED_ERROR_HEADERS } from './headers/allowed.js';
import { authChallenge, type AuthChallenge } from './headers/auth-challenge.js';
import { headerName, headerValue } from './headers/header-value.js';
import { checkOptions } from './checks/check-options.js';
import { FAULTLINE_OPTION_RULES, PRESET_RULES } from './checks/faultline-option-rules.js';
import type { NormalizeSettings, Recognizer } from './normalize/normalize.js';
import type { ErrorMapping } from './normalize/map.js';
import type { RateLimitHeaderStandard } from './rate-limit/headers.js';
import type { RequestFacts } from './request-facts.js';

/** Everything faultline can be told. Every field is optional; the defaults are production-safe. */
export interface FaultlineOptions {
  /** The body style: a built-in name or `defineEnvelope(...)`. Default `'problem-details'`. */
  envelope?: EnvelopeName | Envelope;
  /** Envelopes for particular statuses or codes (seed 000's flat 413 and 429): `{ 413: flat, RATE_LIMITED: … }`. */
  variants?: Readonly<Record<string, EnvelopeName | Envelope>>;
  /** Default messages by status, used when an error brings none and for hidden 5xx. */
  messages?: Readonly<Record<number, string>>;
  /**
   * Default machine codes by status, replacing the built-in one (`TOO_MANY_REQUESTS`) wherever it
   * would show, hidden 5xx included: seed 000's `{ 429: 'RATE_LIMITED' }`. An error's own code wins.
   */
  codes?: Readonly<Record<number, string>>;
  /** Domain errors: `[map(InsufficientFunds, 409), map(isTimeout, 504)]`. */
  map?: readonly ErrorMapping[];
  /** Show messages, codes, stack and cause of every error, 5xx included. Never in production. */
  debug?: boolean;
  /** Called once per error, for logging. What it throws is ignored; the response is not changed. */
  onError?: (fault: Fault, thrown: unknown, request: RequestFacts) => void;
  /**
   * `WWW-Authenticate` for a 401 that brings none (RFC 9110 §15.5.2 requires one). Default
   * `'Bearer'`; a challenge with parameters as `{ scheme: 'Bearer', params: { realm: 'pins' } }`
   * (each value quoted and escaped); `false` to omit.
   */
  challenge?: string | AuthChallenge | false;
  /** Status of validation failures: 400 (default) or 422. */
  validationStatus?: 400 | 422;
  /** More header names a thrown error may set, beyond the protocol ones faultline allows. */
  exposeHeaders?: readonly string[];
  /** RateLimit header fields on rate-limited responses. Default `'draft-8'`. */
  rateLimitHeaders?: RateLimitHeaderStandard;
  /** A preset: options that reproduce a documented API (see `presets`). Your own options win over it. */
  preset?: Preset;
  /** Framework-specific recognisers an adapter adds (Fastify's validation errors, …). */
  recognizers?: readonly Recognizer[];
  /**
   * Content negotiation of a `+json` envelope's media type: a client whose `Accept` prefers
   * `application/json` (or excludes `application/problem+json`) gets the same body as
   * `application/json`, with `Vary: Accept`. Default `true`; `false` always sends the envelope's type.
   */
  negotiate?: boolean;
  /**
   * A request no route matched, on a path routes serve for other methods, is a 405 with `Allow`
   * listing them (RFC 9110 §15.5.6), not a 404: `GET /pins/:id` then `DELETE /pins/7`. The router
   * is read only for unmatched requests. Default `true`; `false` keeps every unmatched route a 404.
   */
  methodNotAllowed?: boolean;
  /**
   * Where the app documents its errors, for problem details' `type`: `'https://docs.example.com/errors/'`.
   * A code the app defined (a `defineErrors` catalog entry, a preset's, a `codes` default) gets
   * `type` = this + the code in kebab case (`INSUFFICIENT_FUNDS` → `…/errors/insufficient-funds`), the
   * URI `faultline docs --type-base` writes the code's section at; any other code keeps
   * `about:blank`. An absolute URI ending with `/`, `#` or `=`. Default: none (`about:blank`).
   */
  typeBase?: string;
  /**
   * Problem details' `instance`, the URI of this occurrence: `'path'` (the request's path), or a
   * function of the request (`(request) => 'urn:request:' + request.id`; a result that is not a
   * string is left out). Per request, so these responses are never served from the cache of
   * default responses. Default: none.
   */
  instance?: 'path' | ((request: RequestFacts) => string | undefined);
}

/** A named bundle of options reproducing one API's documented error contract. */
export interface Preset extends Omit<FaultlineOptions, 'preset' | 'onError' | 'debug' | 'recognizers'> {
  readonly name: string;
  /** The documented API's own errors, as a typed catalog (`presets.statusObject.errors.INVALID_TOKEN()`). */
  readonly errors?: Readonly<Record<string, ErrorFactory<string>>>;
}

/** Options resolved once, when a handler is made; nothing of this is recomputed per request. */
export interface Settings extends NormalizeSettings {
  readonly envelope: Envelope;
  readonly variants: ReadonlyMap<string, Envelope>;
  readonly messages: ReadonlyMap<number, string>;
  readonly codes: ReadonlyMap<number, string>;
  readonly debug: boolean;
  readonly onError: FaultlineOptions['onError'];
  readonly challenge: string | undefined;
  readonly rateLimitHeaders: RateLimitHeaderStandard;
  readonly negotiate: boolean;
  readonly methodNotAllowed: boolean;
  readonly typeBase: string | undefined;
  readonly instance: FaultlineOptions['instance'];
}

/** Checks and resolves options. Throws at setup time, never at request time. */
export function resolveSettings(options: FaultlineOptions = {}): Settings {
  checkOptions(options, FAULTLINE_OPTION_RULES);
  const preset = options.preset ?? ({} as Partial<Preset>);
  if (options.preset !== undefined) checkOptions(preset, PRESET_RULES, `preset "${preset.name ?? ''}"`);
  const merged: FaultlineOptions = { ...preset, ...options };
  const allowedHeaders = new Set(ALLOWED_ERROR_HEADERS);
  for (const name of [...(preset.exposeHeaders ?? []), ...(options.exposeHeaders ?? [])]) {
    allowedHeaders.add(headerName(name) as string);
  }
  const variants = new Map<string, Envelope>();
  for (const [key, envelope] of [...Object.entries(preset.variants ?? {}), ...Object.entries(options.variants ?? {})]) {
    variants.set(key, resolveEnvelope(envelope));
  }
  const messages = new Map<number, string>();
  for (const [key, message] of [...Object.entries(preset.messages ?? {}), ...Object.entries(options.messages ?? {})]) {
    messages.set(Number(key), message);
  }
  const codes = new Map<number, string>();
  for (const [key, code] of [...Object.entries(preset.codes ?? {}), ...Object.entries(options.codes ?? {})]) {
    codes.set(Number(key), code);
  }
  const challenge =
    merged.challenge === false
      ? undefined
      : typeof merged.challenge === 'object'
        ? authChallenge(merged.challenge.scheme, merged.challenge.params)
        : headerValue(merged.challenge ?? 'Bearer');
  return {
    envelope: resolveEnvelope(merged.envelope),
    variants,
    messages,
    codes,
    map: [...(options.map ?? []), ...(preset.map ?? [])],
    recognizers: options.recognizers ?? [],
    debug: merged.debug === true,
    keepDebug: merged.debug === true,
    onError: options.onError,
    challenge,
    validationStatus: merged.validationStatus ?? 400,
    allowedHeaders,
    rateLimitHeaders: merged.rateLimitHeaders ?? 'draft-8',
    negotiate: merged.negotiate !== false,
    methodNotAllowed: merged.methodNotAllowed !== false,
    typeBase: merged.typeBase,
    instance: merged.instance,
  };
}
