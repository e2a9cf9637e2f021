import { isLanguageTag } from './language-tag.js';

/** At most this many language ranges of one `Accept-Language` are read: the header is the client's. */
const MAX_RANGES = 32;

interface Range {
  readonly tag: string;
  readonly q: number;
  readonly order: number;
}

/**
 * The language to answer in (RFC 4647 §3.4 "lookup"): the client's ranges by q-value (ties in
 * their order), each looked up in `available` and then shortened one subtag at a time, so `fr-CA`
 * finds `fr` and `zh-Hant-TW` finds `zh-Hant`. `*` matches nothing of its own; a tag the client
 * gave `q=0` is never chosen. `available` is keyed by lower-case tag.
 * Undefined when nothing matches: the caller answers in its default language.
 */
export function lookupLanguage<T>(header: string | undefined, available: ReadonlyMap<string, T>): T | undefined {
  if (header === undefined || header === '') return undefined;
  const ranges: Range[] = [];
  let refused: Set<string> | undefined;
  const parts = header.split(',', MAX_RANGES);
  for (let i = 0; i < parts.length; i++) {
    const range = parseRange(parts[i] as string, i);
    if (range === undefined) continue;
    if (range.q > 0) ranges.push(range);
    else (refused ??= new Set()).add(range.tag);
  }
  if (ranges.length > 1) ranges.sort((a, b) => b.q - a.q || a.order - b.order);
  for (const range of ranges) {
    if (range.tag === '*') continue;
    let tag = range.tag;
    while (tag !== '') {
      const found = available.get(tag);
      if (found !== undefined && refused?.has(tag) !== true) return found;
      tag = shorter(tag);
    }
  }
  return undefined;
}

function parseRange(part: string, order: number): Range | undefined {
  const semicolon = part.indexOf(';');
  const tag = (semicolon === -1 ? part : part.slice(0, semicolon)).trim().toLowerCase();
  if (tag !== '*' && !isLanguageTag(tag)) return undefined;
  let q = 1;
  if (semicolon !== -1) {
    for (const param of part.slice(semicolon + 1).split(';', 4)) {
      const text = param.trim();
      if (text.length > 2 && (text[0] === 'q' || text[0] === 'Q') && text[1] === '=') {
        const value = Number(text.slice(2));
        q = Number.isFinite(value) && value >= 0 && value <= 1 ? value : 0;
      }
    }
  }
  return { tag, q, order };
}

/** The tag without its last subtag, and without a single-letter subtag left dangling (`x` of `x-…`). */
function shorter(tag: string): string {
  let cut = tag.lastIndexOf('-');
  if (cut === -1) return '';
  if (cut >= 2 && tag[cut - 2] === '-') cut -= 2;
  return tag.slice(0, cut);
}
