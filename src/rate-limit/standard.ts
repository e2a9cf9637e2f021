/**
 * Which RateLimit header fields to send:
 * - `'draft-8'`: the current IETF draft (draft-ietf-httpapi-ratelimit-headers-08 and later), where
 *   the policy identifier is a structured-field String:
 *   `RateLimit-Policy: "default";q=100;w=60` and `RateLimit: "default";r=0;t=30`;
 * - `'draft-7'`: `RateLimit-Policy: 100;w=60` and `RateLimit: limit=100, remaining=0, reset=30` (express-rate-limit's `draft-7`);
 * - `'draft-6'`: `RateLimit-Policy`, `RateLimit-Limit`, `RateLimit-Remaining`, `RateLimit-Reset` (express-rate-limit's `draft-6`);
 * - `'legacy'`: `X-RateLimit-Limit`, `X-RateLimit-Remaining`, `X-RateLimit-Reset` (reset as epoch seconds);
 * - `false`: none (`Retry-After` is still sent on a refusal).
 */
export type RateLimitHeaderStandard = 'draft-8' | 'draft-7' | 'draft-6' | 'legacy' | false;

export const RATE_LIMIT_HEADER_STANDARDS: readonly RateLimitHeaderStandard[] = ['draft-8', 'draft-7', 'draft-6', 'legacy', false];

/** True for one of the standards above; options are checked with it at setup time. */
export function isRateLimitHeaderStandard(value: unknown): value is RateLimitHeaderStandard {
  return (RATE_LIMIT_HEADER_STANDARDS as readonly unknown[]).includes(value);
}
