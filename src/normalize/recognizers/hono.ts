import type { FaultInput } from '../fault-input.js';
import { read } from '../read.js';

/**
 * Hono's `HTTPException` (a `status` and a `getResponse()`, no `getStatus()`), including one that
 * carries its own `res`: its headers (`WWW-Authenticate` from basic/bearer auth) are kept, its body
 * is replaced by the envelope.
 */
export function fromHonoHttpException(thrown: unknown): FaultInput | undefined {
  if (typeof read(thrown, 'getResponse') !== 'function' || typeof read(thrown, 'status') !== 'number') {
    return undefined;
  }
  return {
    status: read(thrown, 'status'),
    message: read(thrown, 'message'),
    headers: headersOf(read(thrown, 'res')),
    stack: read(thrown, 'stack'),
    cause: read(thrown, 'cause'),
  };
}

function headersOf(res: unknown): Record<string, string> | undefined {
  const headers = read(res, 'headers');
  const forEach = read(headers, 'forEach');
  if (typeof forEach !== 'function') return undefined;
  const out: Record<string, string> = {};
  try {
    (forEach as (cb: (value: string, name: string) => void) => void).call(headers, (value, name) => {
      if (typeof value === 'string' && typeof name === 'string') out[name] = value;
    });
  } catch {
    return undefined;
  }
  return out;
}
