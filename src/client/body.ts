/** A body as handed to the parser: text or bytes off the wire, already-parsed JSON, or nothing. */
export type BodyInput = string | Uint8Array | ArrayBuffer | null | undefined | object | number | boolean;

/** What a body turned out to be: JSON (`json` holds the value), text that is not JSON, or nothing. */
export type DecodedBody = { readonly kind: 'json'; readonly value: unknown } | { readonly kind: 'text'; readonly value: string } | { readonly kind: 'none' };

/**
 * Text and bytes are parsed as JSON whatever the content type says (servers mislabel, proxies
 * relabel); what does not parse is text. Anything else is taken as already-parsed JSON
 * (`axios`' `data`, a test's object).
 */
export function decodeBody(body: BodyInput): DecodedBody {
  if (body === null || body === undefined) return { kind: 'none' };
  let source: string;
  if (typeof body === 'string') source = body;
  else if (body instanceof Uint8Array || body instanceof ArrayBuffer) source = new TextDecoder().decode(body);
  else return { kind: 'json', value: body };
  if (source.trim() === '') return { kind: 'none' };
  try {
    return { kind: 'json', value: JSON.parse(source) as unknown };
  } catch {
    return { kind: 'text', value: source };
  }
}
