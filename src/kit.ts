// faultline/kit: everything an adapter needs, for faultline's own adapters and third-party ones.
// The configured core, request facts, the unmatched-route error, the headers an error response
// drops, body-parser wording, and the rate-limit and validation cores. A route author needs none of
// it: their API is the root entry point (src/index.ts). Nothing here imports a framework or a
// Node-only module; every adapter in adapters/ imports the core through this file only.

export { STATUS_CATALOG, type ErrorStatus, type KnownStatus, type StatusCode, type HelperName } from './status/catalog.js';
export { statusPhrase, defaultCode, isErrorStatus, isKnownErrorStatus } from './status/lookup.js';

export { HttpError, isHttpError, type HttpErrorInit } from './errors/http-error.js';
export { FAULTLINE_ERROR } from './errors/brand.js';
export { errors, type ErrorHelpers } from './errors/helpers.js';
export {
  defineErrors,
  type ErrorCatalog,
  type ErrorDefinition,
  type ErrorFactory,
  type FactoryInit,
} from './errors/define-errors.js';
export { codeSlug } from './errors/code-slug.js';
export { routeNotFound, UNMATCHED_ROUTE, type UnmatchedRoute } from './errors/route-not-found.js';
export { allowValue, methodNotAllowed, type AllowedMethodsReader } from './routes/allowed-methods.js';
export { expressRouteMethods, type ExpressAppLike } from './routes/express-routes.js';
export { fastifyRouteMethods, type FastifyLike } from './routes/fastify-routes.js';
export { rememberRouteMethods } from './routes/remembered-route-methods.js';

export type { Fault, JsonValue, RateLimitState } from './fault/fault.js';
export { isUnexpected } from './fault/unexpected.js';
export { combineOnError, type OnError } from './hooks/on-error.js';
export type { TraceIdSource } from './trace/trace-id.js';
export { isTraceId, isRequestId } from './trace/well-formed-id.js';
export { traceIdOfTraceparent } from './trace/traceparent.js';
export { lookupLanguage } from './locales/accept-language.js';
export { acceptedLocale } from './locales/accepted-locale.js';
export { isLanguageTag } from './locales/language-tag.js';
export type { Locale, Locales, LocaleMessages, LocalesOption } from './locales/locales.js';
export type { RenderContext } from './render/render-context.js';
export { MAX_ISSUES, type FieldIssue, type IssueLocation } from './fault/field-issue.js';
export { escapePointerToken, pointerTokens, childPointer, isJsonPointer } from './fault/json-pointer.js';

export { map, type ErrorMapping, type ErrorMatcher, type MapTarget } from './normalize/map.js';
export { RECOGNIZERS, RECOGNIZER_FAMILIES, type Recognizer, type RecognizerFamily } from './normalize/normalize.js';
export type { FaultInput } from './normalize/fault-input.js';
export { issuesFromAjv, type AjvErrorLike } from './normalize/recognizers/ajv.js';
export { BODY_MESSAGES } from './normalize/recognizers/body-parser.js';
export { readJsonBody, DEFAULT_BODY_LIMIT, type JsonBodyOptions } from './body/json-body.js';

export {
  defineEnvelope,
  JSON_CONTENT_TYPE,
  type Envelope,
  type EnvelopeName,
  type PublicFault,
} from './envelopes/envelope.js';
export { ENVELOPES, resolveEnvelope } from './envelopes/index.js';
export { reasonDetails } from './envelopes/reason-details.js';
export { errorMessageCode } from './envelopes/error-message-code.js';
export { statusObject } from './envelopes/status-object.js';
export { numericCode, INVALID_FORM_BODY_CODE, GENERAL_ERROR_CODE } from './envelopes/numeric-code.js';
export { problemDetails, PROBLEM_CONTENT_TYPE, QUOTA_EXCEEDED } from './envelopes/problem-details.js';

export { rateLimitHeaderFields, type RateLimitHeaderStandard } from './rate-limit/headers.js';
export {
  createRateLimit,
  type ClientAddress,
  type RequestFactsSource,
  type RateLimit,
  type RateLimitDecision,
  type RateLimitOptions,
  type StoreFailurePolicy,
} from './rate-limit/rate-limit.js';
export { isInProcessLimiter, type RateLimiterLike } from './rate-limit/limiter.js';
export { RATE_LIMIT_OPTION_RULES, type KeyAndCostOptions } from './rate-limit/option-rules.js';
export { DEFAULT_IPV6_SUBNET, ipKey } from './rate-limit/ip-key.js';
export { RateLimitWarning, type WarningChannel } from './rate-limit/proxy-warning.js';
export { StoreTimeoutError } from './rate-limit/timeout.js';
export { headerName, headerValue } from './headers/header-value.js';
export { authChallenge, type AuthChallenge } from './headers/auth-challenge.js';
export { STALE_HEADERS, isStaleHeader } from './headers/stale.js';
export { varyWith, withExistingVary } from './headers/vary.js';
export { headerText } from './headers/header-text.js';
export { hasJsonAlternative, prefersJson, quality } from './negotiation/media-type.js';

export { CLIENT_CLOSED_REQUEST, isClientAbort } from './connection/client-abort.js';
export { nodeHttpVersion, nodeRequestAborted, type NodeRequestLike } from './connection/node-connection.js';
export type { ErrorResponse } from './render/error-response.js';
export { preparedBody } from './render/prepared-body.js';
export { documentedCode } from './render/problem-links.js';
export { DOCUMENTED_CODE } from './errors/define-errors.js';
export type { HeaderReader, RequestFacts } from './request-facts.js';
export { urlPath } from './facts/url-path.js';
export { webRequestFacts } from './facts/web-request-facts.js';
export { resolveSettings, type FaultlineOptions, type Preset, type Settings } from './options.js';

// Checking an entry point's options when it is made: the rules of faultline's own, and the
// combinators to write an adapter's (one message naming the option, the value and what is allowed).
export { checkOptions, checkValue, type OptionRules } from './checks/check-options.js';
export { arrayOf, describeValue, either, isBoolean, isFunction, isString, numberIn, oneOf, recordOf, satisfies, type Rule } from './checks/rule.js';
export { errorStatus, machineCode, statusKey } from './checks/fault-rules.js';
export {
  instanceWith,
  nonEmptyString,
  nonNegativeInteger,
  nonNegativeNumber,
  plainObject,
  positiveInteger,
  positiveNumber,
} from './checks/common-rules.js';
export { FAULTLINE_OPTION_RULES, envelope as envelopeRule, mapping as mappingRule } from './checks/faultline-option-rules.js';
export { createFaultline, normalize, render, type Faultline } from './faultline.js';

export { envelopeSchemas } from './schemas/index.js';
export { problemDetailsSchemaFor } from './schemas/problem-details.js';
export * from './openapi/index.js';

export { errorLogFields, errorLogLine, describeThrown, logText, MAX_LOG_TEXT, MAX_CAUSES, type ThrownDetails, type ErrorLogFields } from './logging/index.js';
export { logToConsole, type DefaultLogger } from './logging/default-logger.js';
export { thrownText } from './logging/thrown-text.js';

export type { AjvLike, CompiledSchema, SchemaInput } from './validation/ajv-like.js';
export { createSchemaCompiler, type SchemaCompiler } from './validation/schema-compiler.js';
export { precompiledValidators } from './validation/precompiled.js';
export {
  createRequestValidator,
  REQUEST_LOCATIONS,
  REQUEST_SCHEMA_RULES,
  type PartSchema,
  type RequestParts,
  type RequestSchemas,
  type RequestValidator,
  type RequestValidatorOptions,
  type ValidatedParts,
} from './validation/request-validator.js';
export { isStandardSchema, type StandardSchemaV1 } from './validation/standard-schema.js';
export type { JsonSchemaValue, SchemaInputValue, SchemaOutput } from './validation/schema-types.js';
export { RequestValidationError, VALIDATION_MESSAGE } from './validation/validation-error.js';
export {
  compilerFor,
  VALIDATE_OPTION_RULES,
  COERCING_AJV_OPTIONS,
  DEFAULT_AJV_OPTIONS,
  LISTING_AJV_OPTIONS,
  type DefaultAjvs,
  type ValidateOptions,
} from './validation/validate-options.js';
export { sharedAjvs, type PeerLoader } from './validation/shared-ajv.js';
export { MAX_LISTED_VALUES, withListing } from './validation/listing.js';
export { queryRecord } from './validation/query-record.js';
export type { JsonSchema } from './schemas/schema.js';
