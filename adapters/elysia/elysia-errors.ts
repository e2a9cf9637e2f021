// Elysia's own errors, as the core reads any thrown value (every field untrusted): what reaches
// `.onError` is sometimes Elysia's report of the app's error rather than the error itself.
import { ElysiaCustomStatusResponse, NotFoundError, ParseError, ValidationError } from 'elysia';
import {
  urlPath,
  BODY_MESSAGES,
  errors,
  isHttpError,
  routeNotFound,
  type AllowedMethodsReader,
  type FieldIssue,
  type IssueLocation,
  type Recognizer,
} from '../../src/kit.js';

/**
 * What the app threw, from what `.onError` was given: an unmatched route (Elysia's default
 * `NotFoundError`) is the 404 every adapter words alike (a 405 when `routes`, the app's router
 * read at the request's path, serves the path for other methods); a body parser's failure is the malformed
 * JSON 400, unless the parser threw a faultline error itself (`jsonBody()`'s 413).
 */
export function thrownOf(error: unknown, request: Request, routes?: AllowedMethodsReader): unknown {
  if (isInstance(error, NotFoundError) && read(error, 'message') === 'NOT_FOUND') return routeNotFound(request.method, urlPath(request.url), routes);
  if (isInstance(error, ParseError)) {
    const cause = read(error, 'cause');
    return isHttpError(cause) ? cause : errors.badRequest(BODY_MESSAGES.malformed);
  }
  return error;
}

/** `throw status(404, 'No pin')`: Elysia's status response, thrown. A string response is its message. */
const fromStatusResponse: Recognizer = (thrown) => {
  if (!isInstance(thrown, ElysiaCustomStatusResponse)) return undefined;
  const response = read(thrown, 'response');
  return { status: read(thrown, 'code'), message: typeof response === 'string' ? response : undefined };
};

const LOCATIONS: Readonly<Record<string, IssueLocation>> = { body: 'body', query: 'query', params: 'params', headers: 'headers', cookie: 'headers' };

/**
 * Elysia's schema validation (`t.Object(…)` on a route): field issues in the envelope, at the
 * handler's `validationStatus`, instead of a message holding the schema and the input as JSON.
 * A response that fails its schema is the server's bug: a 500.
 */
const fromValidationError: Recognizer = (thrown) => {
  if (!isInstance(thrown, ValidationError)) return undefined;
  const location = LOCATIONS[String(read(thrown, 'type'))];
  if (location === undefined) return { status: 500, stack: read(thrown, 'stack') };
  const all = read(thrown, 'all');
  const issues: FieldIssue[] = [];
  for (const found of Array.isArray(all) ? all : []) {
    const message = read(found, 'summary') ?? read(found, 'message');
    if (typeof message !== 'string') continue;
    issues.push({ location, pointer: pointerOf(read(found, 'path')), keyword: 'invalid', message });
  }
  return { validation: true, message: 'Request validation failed', issues };
};

// TypeBox paths are JSON pointers already (`/pins/0/cid`); Standard Schema ones are dotted (`pins.0.cid`).
function pointerOf(path: unknown): string {
  if (typeof path !== 'string' || path === '' || path === 'root') return '';
  if (path.startsWith('/')) return path;
  return path
    .split('.')
    .map((token) => `/${token.replaceAll('~', '~0').replaceAll('/', '~1')}`)
    .join('');
}

/** Elysia's families, tried before the core's own. */
export const ELYSIA_RECOGNIZERS: readonly Recognizer[] = [fromStatusResponse, fromValidationError];

function isInstance(value: unknown, type: abstract new (...args: never[]) => unknown): boolean {
  try {
    return value instanceof type;
  } catch {
    return false;
  }
}

function read(value: unknown, key: string): unknown {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return undefined;
  try {
    return (value as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}
