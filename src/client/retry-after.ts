/**
 * `Retry-After` in seconds (RFC 9110 §10.2.3): delay-seconds, or an HTTP-date. A date is measured
 * from the response's own `Date` when it has one, so a client whose clock is off still waits what
 * the server meant; otherwise from now. Rounded up; never negative.
 */
export function retryAfterHeader(value: string | undefined, date: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  const sent = date === undefined ? Number.NaN : Date.parse(date);
  const from = Number.isNaN(sent) ? now : sent;
  return Math.max(0, Math.ceil((at - from) / 1000));
}

/**
 * A body's `retry_after`/`retryAfter`: seconds as a number (kept as given: some APIs send fractions,
 * `64.57`) or a string of digits.
 */
export function retryAfterMember(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  if (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim())) return Number(value.trim());
  return undefined;
}
