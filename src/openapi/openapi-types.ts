import type { JsonValue } from '../fault/fault.js';
import type { JsonSchema } from '../schemas/schema.js';

/*
 * The few OpenAPI 3.1 objects faultline writes (https://spec.openapis.org/oas/v3.1.0), as plain
 * data. Schemas are JSON Schema draft 2020-12, OpenAPI 3.1's own dialect, so an envelope's schema
 * goes into `components.schemas` unchanged.
 */

/** `{ "$ref": "#/components/responses/NOT_FOUND" }`. */
export interface OpenApiReference {
  $ref: string;
}

/** A Header Object of a response (`Retry-After`, `WWW-Authenticate`, `Allow`, …). */
export interface OpenApiHeader {
  description: string;
  required: boolean;
  schema: JsonSchema;
  example?: JsonValue;
}

/** An Example Object, for a status that more than one error answers with. */
export interface OpenApiExample {
  summary: string;
  value: JsonValue;
}

/** A Media Type Object: the body's schema and its example(s). */
export interface OpenApiMediaType {
  /** Absent for a custom envelope given without a schema. */
  schema?: JsonSchema;
  example?: JsonValue;
  examples?: Record<string, OpenApiExample>;
}

/** A Response Object. */
export interface OpenApiResponse {
  description: string;
  headers?: Record<string, OpenApiHeader>;
  content: Record<string, OpenApiMediaType>;
}

/**
 * A Response Object as a document may already hold one: OpenAPI requires only `description` (a
 * 204 has no `content`); the rest is kept as it is.
 */
export interface OpenApiResponseObject {
  description: string;
  headers?: Record<string, unknown>;
  content?: Record<string, unknown>;
  [field: string]: unknown;
}

/** An Operation Object, as far as faultline touches it: its `responses`; the rest is kept as is. */
export interface OpenApiOperation {
  responses?: Record<string, OpenApiResponseObject | OpenApiResponse | OpenApiReference>;
  [field: string]: unknown;
}

/** What merges into a document's `components`. */
export interface OpenApiErrorComponents {
  schemas: Record<string, JsonSchema>;
  responses: Record<string, OpenApiResponse>;
}
