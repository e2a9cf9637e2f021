import type { JsonValue } from '../../src/index.js';

/** What a client should do about one status. */
export interface RetryAdvice {
  readonly retry: boolean;
  /** One sentence, plain text. */
  readonly advice: string;
}

// The server cannot do what was asked, however often it is asked.
const PERMANENT_5XX = new Set([501, 505, 510, 511]);

/**
 * The retry guidance the seed pages give, per status: a 429 waits `Retry-After`; 502/503/504 retry
 * after a delay with backoff (503 honouring `Retry-After` when sent); 500 retries with exponential
 * backoff; any other 4xx is the client's to fix, never retried as is. Of the other 5xx, those that
 * say the server cannot do it (501, 505, 510, 511) are not retried; the rest back off like a 500
 * (seed 002 retries 507 with a backoff).
 */
export function retryGuidance(status: number, example?: JsonValue): RetryAdvice {
  const member = retryMember(example);
  const inBody = member === undefined ? '' : ` (also \`${member}\` in the body)`;
  if (status === 429) return { retry: true, advice: `Wait the number of seconds in the Retry-After header${inBody}, then retry.` };
  if (status === 503) return { retry: true, advice: `Wait the seconds in Retry-After when it is sent${inBody}; otherwise retry with backoff.` };
  if (status === 502 || status === 504) return { retry: true, advice: 'Retry after a delay, with backoff (1 s, 2 s, 4 s, …).' };
  if (status === 500) return { retry: true, advice: 'Retry with exponential backoff and jitter; contact support if it persists.' };
  if (status >= 500) {
    return PERMANENT_5XX.has(status)
      ? { retry: false, advice: 'Do not retry: the server cannot do this, however often it is asked.' }
      : { retry: true, advice: 'Retry with exponential backoff and jitter.' };
  }
  return { retry: false, advice: 'Do not retry as is: fix the request first.' };
}

/** The body member that repeats Retry-After, in the envelopes that have one. */
function retryMember(example: JsonValue | undefined): string | undefined {
  if (example === null || typeof example !== 'object' || Array.isArray(example)) return undefined;
  return ['retry_after', 'retryAfter'].find((key) => Object.hasOwn(example, key));
}
