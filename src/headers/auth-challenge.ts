const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// What a quoted-string may hold besides the escapes (RFC 9110 §5.6.4), minus obs-text: visible
// ASCII, space and tab. Anything else (CR, LF, NUL, non-ASCII) becomes a space.
const NOT_QUOTABLE = /[^\t\x20-\x7e]/g;
const MAX_PARAM = 1024;

/** A challenge as the `challenge` option takes it: a scheme and its auth-params. */
export interface AuthChallenge {
  /** The auth-scheme, a token: `Bearer`, `Basic`, `DPoP`. */
  readonly scheme: string;
  /** auth-params (RFC 9110 §11.2), each sent as a quoted-string: `{ realm: 'pins', error: 'invalid_token' }`. */
  readonly params?: Readonly<Record<string, string>>;
}

/**
 * A `WWW-Authenticate` (or `Proxy-Authenticate`) challenge (RFC 9110 §11.2, §11.6.1):
 * `Bearer realm="pins", error="invalid_token"`. Every value is a quoted-string with `"` and `\`
 * escaped, so a value from anywhere (an upstream's error text in `error_description`) can neither
 * end the parameter, add another, nor split the header. A scheme or parameter name that is not a
 * token throws: it is the app's own text, wrong at setup.
 */
export function authChallenge(scheme: string, params: Readonly<Record<string, string>> = {}): string {
  if (typeof scheme !== 'string' || !TOKEN.test(scheme)) throw new TypeError(`faultline: a challenge scheme must be a token (Bearer, Basic), not ${JSON.stringify(scheme)}`);
  const parts: string[] = [];
  for (const [name, value] of Object.entries(params)) {
    if (!TOKEN.test(name)) throw new TypeError(`faultline: a challenge parameter name must be a token, not ${JSON.stringify(name)}`);
    if (typeof value !== 'string') throw new TypeError(`faultline: the challenge parameter ${name} must be a string`);
    parts.push(`${name}="${quoted(value)}"`);
  }
  return parts.length === 0 ? scheme : `${scheme} ${parts.join(', ')}`;
}

function quoted(value: string): string {
  const text = value.length > MAX_PARAM ? value.slice(0, MAX_PARAM) : value;
  return text.replace(NOT_QUOTABLE, ' ').replace(/["\\]/g, '\\$&');
}
