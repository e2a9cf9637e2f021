import { headerSpelling } from '../../src/kit.js';
import type { ErrorReference, ReferenceExample } from './reference-model.js';

/** The body, indented for reading. Same members, same order, same values as the bytes sent. */
export function prettyBody(example: ReferenceExample): string {
  return JSON.stringify(example.rendered.body, null, 2);
}

/**
 * The headers worth showing beside an example: all it was sent with but `Cache-Control` (the same
 * on every error; the page says so once) and `Content-Type` unless it differs from the page's.
 */
export function shownHeaders(reference: ErrorReference, example: ReferenceExample): string[] {
  const lines: string[] = [];
  for (const [name, value] of Object.entries(example.rendered.headers)) {
    if (name === 'cache-control') continue;
    if (name === 'content-type' && example.rendered.mediaType === reference.mediaType) continue;
    lines.push(`${headerSpelling(name)}: ${value}`);
  }
  return lines;
}

/** What a sample wait the example was thrown with, said once. */
export function sampleNote(example: ReferenceExample): string | undefined {
  return example.sampleRetryAfter === undefined ? undefined : `thrown with retryAfter: ${example.sampleRetryAfter}`;
}
