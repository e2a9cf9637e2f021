/** The response headers the contract compares; every other header is the framework's business. */
export const CHECKED_HEADERS = [
  'content-type',
  'cache-control',
  'www-authenticate',
  'allow',
  'retry-after',
  'ratelimit',
  'ratelimit-policy',
  'access-control-allow-origin',
  'vary',
  'set-cookie',
  'etag',
  'content-disposition',
  'content-language',
] as const;

export type CheckedHeader = (typeof CHECKED_HEADERS)[number];

/** The checked headers of a received response; a `Vary` list in a stable order (its order means nothing). */
export function checkedHeaders(headers: Headers): Record<CheckedHeader, string | null> {
  const picked = {} as Record<CheckedHeader, string | null>;
  for (const name of CHECKED_HEADERS) picked[name] = headers.get(name);
  if (picked.vary !== null) picked.vary = sortedVary(picked.vary);
  return picked;
}

/** A `Vary` list in a stable order: its order carries no meaning (RFC 9110 §12.5.5). */
export function sortedVary(value: string): string {
  const fields = value.split(',').map((field) => field.trim()).filter((field) => field !== '');
  return fields.toSorted((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())).join(', ');
}

