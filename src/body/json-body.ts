import { errors } from '../errors/helpers.js';
import { BODY_MESSAGES } from '../normalize/recognizers/body-parser.js';

/** How a JSON request body is read. */
export interface JsonBodyOptions {
  /** Largest accepted body in bytes. Default 102400, as `express.json()`. */
  readonly limit?: number;
}

const JSON_TYPE = /^application\/([a-z0-9.-]+\+)?json\s*(;|$)/i;

/** The default limit, as `express.json()`'s. */
export const DEFAULT_BODY_LIMIT = 102_400;

/**
 * A web-standard request's JSON body, read as `express.json()` reads one, with the same failures
 * as client errors: over the limit → 413 (the stream is cancelled as soon as it is, whatever
 * `Content-Length` claimed), not JSON → 400 (the body is never echoed). A request whose
 * content type is not JSON (`application/json`, `application/*+json`) has no JSON body:
 * `undefined`, the body left unread.
 */
export async function readJsonBody(request: Request, options: JsonBodyOptions = {}): Promise<unknown> {
  const limit = options.limit ?? DEFAULT_BODY_LIMIT;
  if (!Number.isSafeInteger(limit) || limit < 0) throw new TypeError('faultline: the body limit must be a whole number of bytes');
  if (!JSON_TYPE.test(request.headers.get('content-type') ?? '')) return undefined;
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > limit) throw errors.payloadTooLarge(BODY_MESSAGES.tooLarge);
  const text = await limitedText(request, limit);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw errors.badRequest(BODY_MESSAGES.malformed);
  }
}

async function limitedText(request: Request, limit: number): Promise<string> {
  if (request.body === null) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw errors.payloadTooLarge(BODY_MESSAGES.tooLarge);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}
