import type { IssueLocation } from '../../fault/field-issue.js';
import type { FaultInput } from '../fault-input.js';
import { read, readString } from '../read.js';
import { issuesFromAjv, type AjvErrorLike } from './ajv.js';
import { BODY_MESSAGES } from './body-parser.js';

const LOCATIONS: Record<string, IssueLocation> = {
  body: 'body',
  querystring: 'query',
  params: 'params',
  headers: 'headers',
};

// Fastify's content-type parser errors, in the words every other adapter uses for the same failure.
const BODY_ERRORS: Record<string, { status: number; message: string }> = /* @__PURE__ */ (() => ({
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, message: BODY_MESSAGES.malformed },
  // An empty body is not JSON either; Hono's jsonBody() words it so too.
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, message: BODY_MESSAGES.malformed },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, message: BODY_MESSAGES.tooLarge },
}))();

/**
 * Fastify's own errors (`code: 'FST_ERR_…'`): schema validation failures (`validation`, an array
 * of ajv errors, and `validationContext`) become field issues; body-parser failures get the
 * canonical body messages; the rest keep their status and message but not their `FST_ERR_` code,
 * which names Fastify's internals, not the API's errors.
 */
export function fromFastify(thrown: unknown): FaultInput | undefined {
  const code = readString(thrown, 'code');
  if (code === undefined || !code.startsWith('FST_ERR_')) return undefined;
  const validation = read(thrown, 'validation');
  if (Array.isArray(validation)) {
    const location = LOCATIONS[readString(thrown, 'validationContext') ?? 'body'] ?? 'body';
    const errors = validation.filter((e): e is AjvErrorLike => typeof read(e, 'keyword') === 'string');
    return { validation: true, message: 'Request validation failed', issues: issuesFromAjv(errors, location) };
  }
  const body = BODY_ERRORS[code];
  if (body !== undefined) return { status: body.status, message: body.message, stack: read(thrown, 'stack') };
  return {
    status: read(thrown, 'statusCode'),
    message: read(thrown, 'message'),
    stack: read(thrown, 'stack'),
    cause: read(thrown, 'cause'),
  };
}
