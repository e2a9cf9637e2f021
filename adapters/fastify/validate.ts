// Request validation for Fastify with faultline's validate(): a `preValidation` hook, for a Standard
// Schema validator (zod, valibot, arktype), which Fastify's own route `schema` does not take, or for
// a JSON Schema checked the same way on every framework. Fastify's own `schema` keeps working as
// it does: its failures become the same field issues through the error handler.
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  compilerFor,
  createRequestValidator,
  sharedAjvs,
  type RequestSchemas,
  type RequestValidator,
  type ValidatedParts,
  type ValidateOptions,
} from '../../src/kit.js';
import { loadPeer } from '../shared/node-peer.js';

export type { RequestSchemas, SchemaOutput, ValidateOptions } from '../../src/kit.js';

/** The hook `validate()` returns; `validator` is the compiled core (for benchmarks and tests). */
export interface FastifyValidateHook {
  (request: FastifyRequest, reply: FastifyReply): Promise<void>;
  readonly validator: RequestValidator;
}

/**
 * `app.post('/pins', { preValidation: validate({ body: PinSchema }) }, handler)`. Schemas compile
 * now (a bad one throws at startup); a failure is thrown, for `errorHandler` to render. After it,
 * the handler reads ajv's coerced values, or each validator's output, as `request.body`,
 * `request.query` and `request.params` (headers are checked, not replaced); type them with the
 * route's generics (`app.post<{ Body: SchemaOutput<typeof PinSchema> }>`). A body Fastify could not
 * parse, or over its `bodyLimit`, never reaches it.
 */
export function validate(schemas: RequestSchemas, options: ValidateOptions = {}): FastifyValidateHook {
  const validator = createRequestValidator(compilerFor(options, () => sharedAjvs(loadPeer)), schemas, options);
  const hook = async function faultlineValidate(request: FastifyRequest): Promise<void> {
    const outputs = await validator.validateRequest({ params: request.params, query: request.query, headers: request.headers, body: request.body });
    if (outputs !== undefined) apply(request, outputs);
  };
  return Object.assign(hook, { validator });
}

function apply(request: FastifyRequest, outputs: ValidatedParts): void {
  if ('body' in outputs) request.body = outputs.body;
  if ('query' in outputs) request.query = outputs.query;
  if ('params' in outputs) request.params = outputs.params;
}
