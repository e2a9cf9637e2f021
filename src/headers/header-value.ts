const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// Anything but visible ASCII, space and tab: CR, LF and NUL split or end a header; bytes above
// 0x7E are rejected by `Headers` on edge runtimes and mangled by proxies.
const UNSAFE = /[^\t\x20-\x7e]+/g;
const MAX_VALUE = 4096;

/** A header name as it will be written (lower case), or undefined when it is not an HTTP token. */
export function headerName(name: unknown): string | undefined {
  return typeof name === 'string' && name.length <= 256 && TOKEN.test(name) ? name.toLowerCase() : undefined;
}

/** A header value with every unsafe character removed, or undefined when nothing is left. */
export function headerValue(value: unknown): string | undefined {
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number' && Number.isFinite(value)) text = String(value);
  else if (Array.isArray(value)) {
    const parts: string[] = [];
    for (const item of value.slice(0, 32)) {
      const part = headerValue(item);
      if (part !== undefined) parts.push(part);
    }
    text = parts.join(', ');
  } else return undefined;
  const clean = text.replace(UNSAFE, ' ').trim();
  if (clean === '') return undefined;
  return clean.length > MAX_VALUE ? clean.slice(0, MAX_VALUE) : clean;
}
