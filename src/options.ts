import type { Envelope, EnvelopeName } from './envelopes/envelope.js';
import { resolveEnvelope } from './envelopes/index.js';
import type { ErrorFactory } from './errors/define-errors.js';
import { ALLOWED_ERROR_HEADERS } from './headers/allowed.js';
import { authChallenge, type AuthChallenge } from './headers/auth-challenge.js';
import { headerName, headerValue } from './headers/header-value.js';
import { checkOptions } from './checks/check-options.js';
import { FAULTLINE_OPTION_RULES, PRESET_RULES } from './checks/faultline-option-rules.js';
import { recognizersWithout, type NormalizeSettings, type Recognizer, type RecognizerFamily } from './normalize/normalize.js';
import type { ErrorMapping } from './normalize/map.js';
import type { RequestFacts } from './request-facts.js';
import type { RateLimitHeaderStandard } from './rate-limit/headers.js';
import { combineOnError, type OnError } from './hooks/on-error.js';
import { resolveLocales, type Locales, type LocalesOption } from './locales/locales.js';
import { traceIdReader, type TraceIdReader, type TraceIdSource } from './trace/trace-id.js';

/** Everything faultline can be told. Every field is optional; the defaults are production-safe. */
export interface FaultlineOptions {
  /** The body style: a built-in name or `defineEnvelope(...)`. Default `'problem-details'`. */
  envelope?: EnvelopeName | Envelope;
  /** Envelopes for particular statuses or codes (the IPFS pinning service preset's flat 413 and 429): `{ 413: flat, RATE_LIMITED: … }`. */
  variants?: Readonly<Record<string, EnvelopeName | Envelope>>;
  /** Default messages by status, used when an error brings none and for hidden 5xx. */
  messages?: Readonly<Record<number, string>>;
  /**
   * Default machine codes by status, replacing the built-in one (`TOO_MANY_REQUESTS`) wherever it
   * would show, hidden 5xx included: the IPFS pinning service's `{ 429: 'RATE_LIMITED' }`. An error's own code wins.
   */
  codes?: Readonly<Record<number, string>>;
  /** Domain errors: `[map(InsufficientFunds, 409), map(isTimeout, 504)]`. */
  map?: readonly ErrorMapping[];
  /** Show messages, codes, stack and cause of every error, 5xx included. Never in production. */
  debug?: boolean;
  /**
   * Called once per error with the fault, the original thrown value (untouched) and the request,
   * for logging, tracing and error trackers; a list runs each hook in order
   * (`[traceErrors(), logErrors(pino)]`). What a hook throws is ignored; the response is not changed.
   * Giving one replaces the default logging of unexpected faults (see `logUnexpected`).
   */
  onError?: OnError | readonly OnError[];
  /**
   * Log every unexpected fault (a 5xx: a crash, or anything faultline did not recognise) with the
   * thrown value's stack, the way the framework logs one: Express and Hono to `console.error`,
   * Fastify to `reply.log`, Nest through its `Logger`, Koa through its `'error'` event. Expected
   * 4xx are never logged by it. Default: on, unless `onError` is given (which replaces it);
   * `false` silences it, `true` keeps it besides your `onError`.
   */
  logUnexpected?: boolean;
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
   * Families of thrown values faultline should not recognise (`['prisma', 'upstream']`): their
   * errors are then unrecognised (a hidden 500) unless a `map` entry or another family takes them.
   * An unknown name throws when the handler is made.
   */
  disableRecognizers?: readonly RecognizerFamily[];
  /**
   * Messages in the client's language, by machine code or status:
   * `{ fr: { NOT_FOUND: 'Ressource introuvable', 500: 'Erreur interne' }, 'pt-BR': { … } }`. The
   * language comes from `Accept-Language` (RFC 4647 lookup with q-values: `fr-CA` finds `fr`), else
   * `defaultLocale`; responses say it in `Content-Language` and vary on `Accept-Language`. A code's
   * translation replaces any message of that code; a status's only the default message. Default: none.
   */
  locales?: LocalesOption;
  /** The language of the untranslated messages (faultline's own and `messages`), for `Content-Language`. Default `'en'`. */
  defaultLocale?: string;
  /**
   * A `traceId` member in every error body, for clients to quote in a support ticket: the W3C trace
   * id of the request's `traceparent`, else its request id, if well-formed. A function is a source
   * tried first (`otelTraceId()` from `faultline/otel` reads the active span). Default `false`.
   */
  traceId?: boolean | TraceIdSource;
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
export interface Preset extends Omit<FaultlineOptions, 'preset' | 'onError' | 'logUnexpected' | 'debug' | 'recognizers' | 'disableRecognizers' | 'locales' | 'defaultLocale' | 'traceId'> {
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
  /** The `onError` hooks as one function. */
  readonly onError: OnError | undefined;
  /** Whether the adapter's default logger reports unexpected faults. */
  readonly logUnexpected: boolean;
  readonly challenge: string | undefined;
  readonly rateLimitHeaders: RateLimitHeaderStandard;
  readonly negotiate: boolean;
  /** Undefined when `locales` is not set: no `Content-Language`, no `Vary: Accept-Language`. */
  readonly locales: Locales | undefined;
  /** Undefined when `traceId` is off. */
  readonly traceId: TraceIdReader | undefined;
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
  const disabled: ReadonlySet<string> = new Set(options.disableRecognizers ?? []);
  return {
    envelope: resolveEnvelope(merged.envelope),
    variants,
    messages,
    codes,
    map: [...(options.map ?? []), ...(preset.map ?? [])],
    recognizers: options.recognizers ?? [],
    builtInRecognizers: recognizersWithout(disabled),
    debug: merged.debug === true,
    keepDebug: merged.debug === true,
    onError: combineOnError(options.onError),
    // Your own onError replaces the default logging, unless you ask for both.
    logUnexpected: options.logUnexpected ?? options.onError === undefined,
    challenge,
    validationStatus: merged.validationStatus ?? 400,
    allowedHeaders,
    rateLimitHeaders: merged.rateLimitHeaders ?? 'draft-8',
    negotiate: merged.negotiate !== false,
    locales: options.locales === undefined ? undefined : resolveLocales(options.locales, options.defaultLocale ?? 'en'),
    traceId: options.traceId === undefined || options.traceId === false ? undefined : traceIdReader(options.traceId === true ? undefined : options.traceId),
    methodNotAllowed: merged.methodNotAllowed !== false,
    typeBase: merged.typeBase,
    instance: merged.instance,
  };
}
