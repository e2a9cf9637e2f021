// OpenAPI 3.1 from a catalog: components to merge into a document, responses for operations.
export { catalogEntries, isErrorCatalog, isErrorFactory, type ErrorCatalogInput, type ErrorFactoryLike } from './catalog-entries.js';
export { envelopeSchema, schemaComponentName, type SchemaOverrides } from './envelope-schema.js';
export type {
  OpenApiErrorComponents,
  OpenApiExample,
  OpenApiHeader,
  OpenApiMediaType,
  OpenApiOperation,
  OpenApiReference,
  OpenApiResponse,
  OpenApiResponseObject,
} from './openapi-types.js';
export { openApiErrors, withErrorResponses, OPENAPI_ERROR_OPTION_RULES, type OpenApiErrorOptions, type OpenApiErrors, type OperationResponses } from './openapi-errors.js';
export { flatCodeSchema, flatRateLimitSchema, PRESET_ENVELOPE_SCHEMAS, x402Schema } from './preset-schemas.js';
export { renderExample, type RenderedExample } from './rendered-example.js';
export { headerSpelling, responseHeaders } from './response-headers.js';
