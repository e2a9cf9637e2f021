/**
 * A `Vary` value naming `field` besides what the response already varies on (RFC 9110 §12.5.5):
 * `Origin` set by CORS middleware before the error becomes `Origin, Accept`, never replaced.
 */
export function varyWith(existing: unknown, field: string): string {
  const current = Array.isArray(existing) ? existing.join(', ') : typeof existing === 'string' ? existing : '';
  if (current.trim() === '') return field;
  const lower = field.toLowerCase();
  for (const part of current.split(',')) {
    const name = part.trim().toLowerCase();
    if (name === '*' || name === lower) return current;
  }
  return `${current}, ${field}`;
}

/**
 * An error response's headers, with its `Vary` added to the one already on the response (set by
 * CORS middleware before the error) rather than replacing it. The same object when nothing merges.
 */
export function withExistingVary(headers: Readonly<Record<string, string>>, existing: unknown): Readonly<Record<string, string>> {
  const own = headers['vary'];
  if (own === undefined || existing === undefined || existing === null || existing === '') return headers;
  return { ...headers, vary: varyWith(existing, own) };
}
