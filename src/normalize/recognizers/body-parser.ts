import type { FaultInput } from '../fault-input.js';
import { read, readString } from '../read.js';

/**
 * Messages for the request-body failures every framework reports in its own words; one text here
 * keeps them identical across adapters, and never echoes the client's body back.
 */
export const BODY_MESSAGES = {
  malformed: 'Request body is not valid JSON',
  tooLarge: 'Request body is too large',
  unsupportedEncoding: 'Request body encoding is not supported',
} as const;

const BY_TYPE: Record<string, { status: number; message: string }> = /* @__PURE__ */ (() => ({
  'entity.parse.failed': { status: 400, message: BODY_MESSAGES.malformed },
  'entity.too.large': { status: 413, message: BODY_MESSAGES.tooLarge },
  'parameters.too.many': { status: 413, message: BODY_MESSAGES.tooLarge },
  'encoding.unsupported': { status: 415, message: BODY_MESSAGES.unsupportedEncoding },
  'charset.unsupported': { status: 415, message: BODY_MESSAGES.unsupportedEncoding },
}))();

/** body-parser / raw-body / co-body errors (`type: 'entity.parse.failed'`, `'entity.too.large'`, …). */
export function fromBodyParser(thrown: unknown): FaultInput | undefined {
  const type = readString(thrown, 'type') ?? (isCoBodyParseError(thrown) ? 'entity.parse.failed' : undefined);
  if (type === undefined) return undefined;
  const known = BY_TYPE[type];
  if (known === undefined) return undefined;
  return { status: known.status, message: known.message, stack: read(thrown, 'stack') };
}

/**
 * co-body (under `@koa/bodyparser` and `koa-bodyparser`) rethrows `JSON.parse`'s SyntaxError with
 * `status: 400` and the raw text as `body`, and no `type`; its message quotes the client's body.
 */
function isCoBodyParseError(thrown: unknown): boolean {
  return readString(thrown, 'name') === 'SyntaxError' && read(thrown, 'status') === 400 && typeof read(thrown, 'body') === 'string';
}
