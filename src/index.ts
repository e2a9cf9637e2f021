// faultline: what a route author and an app's setup use. Everything an adapter needs besides
// (the configured core's plumbing, request facts, the rate-limit and validation cores) is
// `faultline/kit` (src/kit.ts); keeping it out of here keeps this list short and stable.

// Throwing errors
export { HttpError, isHttpError, type HttpErrorInit } from './errors/http-error.js';
export { errors } from './errors/helpers.js';
export { defineErrors, type ErrorCatalog, type ErrorDefinition, type ErrorFactory } from './errors/define-errors.js';
export { map, type ErrorMapping, type ErrorMatcher, type MapTarget } from './normalize/map.js';
export { STATUS_CATALOG } from './status/catalog.js';

// Setting up: options, the core on its own, envelopes, presets
export type { FaultlineOptions, Preset } from './options.js';
export { createFaultline, normalize, render, type Faultline } from './faultline.js';
export type { Fault, JsonValue } from './fault/fault.js';
export { isUnexpected } from './fault/unexpected.js';
export type { FieldIssue } from './fault/field-issue.js';
export type { RequestFacts } from './request-facts.js';
export type { ErrorResponse } from './render/error-response.js';
export { defineEnvelope, type Envelope, type EnvelopeName, type PublicFault } from './envelopes/envelope.js';
export { ENVELOPES } from './envelopes/index.js';
export type { RateLimitHeaderStandard } from './rate-limit/headers.js';
export { presets, missingScope, notReady, x402PaymentRequired, type NotReadyInit, type X402PaymentRequiredInit } from './presets/index.js';
export { precompiledValidators } from './validation/precompiled.js';
export { logErrors, type LogErrorsOptions, type OnError } from './logging/log-errors.js';

// Describing errors: JSON Schemas and OpenAPI
export { envelopeSchemas } from './schemas/index.js';
export { openApiErrors, withErrorResponses, type OpenApiErrorOptions, type OpenApiErrors } from './openapi/openapi-errors.js';

// Reading errors back (also `faultline/client`, for browser bundles)
export { ClientError, isClientError } from './client/client-error.js';
export { parseErrorResponse } from './client/parse.js';
export { retryDelay } from './client/retry.js';
