import { STATUS_CATALOG, type ErrorStatus, type KnownStatus } from './catalog.js';

type Entry = { readonly phrase: string; readonly code?: string; readonly helper?: string };

// A dense table indexed by status: one array read on the hot path, no hashing, no prototype walk.
const PHRASES: (string | undefined)[] = [];
const CODES: (string | undefined)[] = [];
for (const key of Object.keys(STATUS_CATALOG)) {
  const status = Number(key);
  const entry: Entry = STATUS_CATALOG[status as KnownStatus];
  PHRASES[status] = entry.phrase;
  CODES[status] = entry.code;
}

/** True for an integer in 400–599: the only statuses that leave as error responses. */
export function isErrorStatus(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 400 && value <= 599;
}

/** True for a status the catalog lists as a 4xx or 5xx. */
export function isKnownErrorStatus(value: unknown): value is ErrorStatus {
  return isErrorStatus(value) && CODES[value] !== undefined;
}

/**
 * The reason phrase for a status. Statuses the catalog does not list (Cloudflare's 52x, nginx's
 * 444) still leave with a phrase: the class's generic one, never text from the thrown value.
 */
export function statusPhrase(status: number): string {
  return PHRASES[status] ?? (status >= 500 ? 'Server Error' : status >= 400 ? 'Client Error' : 'Unknown Status');
}

/** The default machine code for an error status (`404` → `NOT_FOUND`). */
export function defaultCode(status: number): string {
  return CODES[status] ?? (status >= 500 ? 'SERVER_ERROR' : 'CLIENT_ERROR');
}
