import type { RateLimitState } from '../fault/fault.js';
import type { RateLimitHeaderStandard } from './standard.js';

export type { RateLimitHeaderStandard } from './standard.js';

/** The header fields (lower-case names) describing a rate-limit state in the chosen standard. */
export function rateLimitHeaderFields(state: RateLimitState, standard: RateLimitHeaderStandard): Record<string, string> {
  // Every number in these fields is a non-negative integer (structured-field Integer, delay-seconds).
  const remaining = nonNegativeInteger(state.remaining, Math.floor) ?? 0;
  const reset = nonNegativeInteger(state.resetSeconds, Math.ceil) ?? 0;
  const limit = nonNegativeInteger(state.limit, Math.floor);
  const window = nonNegativeInteger(state.windowSeconds, Math.ceil);
  const policy = sanitizePolicyName(state.policy ?? 'default');
  const out: Record<string, string> = {};
  switch (standard) {
    case 'draft-8':
      if (limit !== undefined) out['ratelimit-policy'] = `"${policy}";q=${limit}${window !== undefined ? `;w=${window}` : ''}`;
      out['ratelimit'] = `"${policy}";r=${remaining};t=${reset}`;
      break;
    case 'draft-7':
      if (limit !== undefined) {
        if (window !== undefined) out['ratelimit-policy'] = `${limit};w=${window}`;
        out['ratelimit'] = `limit=${limit}, remaining=${remaining}, reset=${reset}`;
      }
      break;
    case 'draft-6':
      if (limit !== undefined) {
        if (window !== undefined) out['ratelimit-policy'] = `${limit};w=${window}`;
        out['ratelimit-limit'] = String(limit);
      }
      out['ratelimit-remaining'] = String(remaining);
      out['ratelimit-reset'] = String(reset);
      break;
    case 'legacy':
      if (limit !== undefined) out['x-ratelimit-limit'] = String(limit);
      out['x-ratelimit-remaining'] = String(remaining);
      out['x-ratelimit-reset'] = String(Math.ceil(Date.now() / 1000) + reset);
      break;
    case false:
      break;
  }
  return out;
}

function nonNegativeInteger(value: number | undefined, round: (n: number) => number): number | undefined {
  if (value === undefined || !Number.isFinite(value)) return undefined;
  return Math.max(0, round(value));
}

// Policy names come from the app's configuration (a few per process), not from requests, and each
// admitted request's fields name one: cleaned once. The bound keeps a misuse from growing it.
const cleanNames = new Map<string, string>();

// A policy name goes inside a structured-field string: keep it to safe token characters.
function sanitizePolicyName(name: string): string {
  let clean = cleanNames.get(name);
  if (clean !== undefined) return clean;
  clean = name.replace(/[^A-Za-z0-9_.:-]/g, '').slice(0, 64) || 'default';
  if (cleanNames.size < 64) cleanNames.set(name, clean);
  return clean;
}
