import type { RateLimitState } from '../fault/fault.js';

/**
 * Which RateLimit header fields to send:
 * - `'draft-8'`: the current IETF draft, `RateLimit-Policy: "default";q=100;w=60` and `RateLimit: "default";r=0;t=30`;
 * - `'draft-7'`: `RateLimit-Policy: 100;w=60` and `RateLimit: limit=100, remaining=0, reset=30` (express-rate-limit's `draft-7`);
 * - `'draft-6'`: `RateLimit-Policy`, `RateLimit-Limit`, `RateLimit-Remaining`, `RateLimit-Reset` (express-rate-limit's `draft-6`);
 * - `'legacy'`: `X-RateLimit-Limit`, `X-RateLimit-Remaining`, `X-RateLimit-Reset` (reset as epoch seconds);
 * - `false`: none (`Retry-After` is still sent on a refusal).
 */
export type RateLimitHeaderStandard = 'draft-8' | 'draft-7' | 'draft-6' | 'legacy' | false;

/** The header fields (lower-case names) describing a rate-limit state in the chosen standard. */
export function rateLimitHeaderFields(state: RateLimitState, standard: RateLimitHeaderStandard): Record<string, string> {
  const remaining = Math.max(0, Math.floor(state.remaining));
  const reset = Math.max(0, Math.ceil(state.resetSeconds));
  const policy = sanitizePolicyName(state.policy ?? 'default');
  const out: Record<string, string> = {};
  switch (standard) {
    case 'draft-8':
      if (state.limit !== undefined) {
        out['ratelimit-policy'] = `"${policy}";q=${state.limit}${state.windowSeconds !== undefined ? `;w=${state.windowSeconds}` : ''}`;
      }
      out['ratelimit'] = `"${policy}";r=${remaining};t=${reset}`;
      break;
    case 'draft-7':
      if (state.limit !== undefined) {
        if (state.windowSeconds !== undefined) out['ratelimit-policy'] = `${state.limit};w=${state.windowSeconds}`;
        out['ratelimit'] = `limit=${state.limit}, remaining=${remaining}, reset=${reset}`;
      }
      break;
    case 'draft-6':
      if (state.limit !== undefined) {
        if (state.windowSeconds !== undefined) out['ratelimit-policy'] = `${state.limit};w=${state.windowSeconds}`;
        out['ratelimit-limit'] = String(state.limit);
      }
      out['ratelimit-remaining'] = String(remaining);
      out['ratelimit-reset'] = String(reset);
      break;
    case 'legacy':
      if (state.limit !== undefined) out['x-ratelimit-limit'] = String(state.limit);
      out['x-ratelimit-remaining'] = String(remaining);
      out['x-ratelimit-reset'] = String(Math.ceil(Date.now() / 1000) + reset);
      break;
    case false:
      break;
  }
  return out;
}

// A policy name goes inside a structured-field string: keep it to safe token characters.
function sanitizePolicyName(name: string): string {
  const clean = name.replace(/[^A-Za-z0-9_.:-]/g, '').slice(0, 64);
  return clean === '' ? 'default' : clean;
}
