// Asked of every error response, always of an envelope's own content type: a handful of strings.
const JSON_ALTERNATIVE = new Map<string, boolean>();

/** True for a `+json` media type (RFC 6839): its body is JSON, so `application/json` can stand in for it. */
export function hasJsonAlternative(contentType: string): boolean {
  let known = JSON_ALTERNATIVE.get(contentType);
  if (known === undefined) {
    known = essenceOf(contentType).endsWith('+json');
    if (JSON_ALTERNATIVE.size < 64) JSON_ALTERNATIVE.set(contentType, known);
  }
  return known;
}

/**
 * True when `Accept` calls for `application/json` rather than the envelope's own `+json` type: it
 * gives JSON a higher q-value (excluding the envelope's type gives it 0). A tie, or a header that
 * accepts neither, keeps the envelope's type: an error is never answered 406 (RFC 9110 §15.5.7
 * lets a server disregard `Accept`).
 */
export function prefersJson(accept: string | undefined, contentType: string): boolean {
  // The common cases first: no header, or anything goes.
  if (accept === undefined || accept === '' || accept === '*/*') return false;
  const own = essenceOf(contentType);
  const ownQ = quality(accept, own);
  const jsonQ = quality(accept, 'application/json');
  return jsonQ > ownQ;
}

function essenceOf(contentType: string): string {
  const semicolon = contentType.indexOf(';');
  return (semicolon === -1 ? contentType : contentType.slice(0, semicolon)).trim().toLowerCase();
}

/**
 * The q-value `Accept` gives one media type (RFC 9110 §12.5.1): that of the most specific range
 * matching it (`type/subtype` over `type/*` over `*∕*`), 0 when none does. Malformed parts are
 * skipped, and at most 64 ranges are read: the header is the client's.
 */
export function quality(accept: string, mediaType: string): number {
  const slash = mediaType.indexOf('/');
  const type = mediaType.slice(0, slash);
  let best = -1;
  let bestQ = 0;
  const ranges = accept.split(',', 64);
  for (const range of ranges) {
    const parts = range.split(';');
    const name = (parts[0] ?? '').trim().toLowerCase();
    let specificity: number;
    if (name === mediaType) specificity = 2;
    else if (name === `${type}/*`) specificity = 1;
    else if (name === '*/*') specificity = 0;
    else continue;
    if (specificity < best) continue;
    let q = 1;
    for (let i = 1; i < parts.length; i++) {
      const param = (parts[i] as string).trim();
      if (param.length > 2 && (param[0] === 'q' || param[0] === 'Q') && param[1] === '=') {
        const value = Number(param.slice(2));
        q = Number.isFinite(value) && value >= 0 && value <= 1 ? value : 0;
      }
    }
    if (specificity > best) {
      best = specificity;
      bestQ = q;
    } else if (q > bestQ) {
      // The same range twice: the higher q wins, a lenient reading of a malformed header.
      bestQ = q;
    }
  }
  return bestQ;
}
