/**
 * The header fields a thrown error may set on its response. Anything else an error carries
 * (`Set-Cookie`, `Location` to anywhere, hop-by-hop fields, `Content-Length`) is dropped: an error
 * object is not a trusted place to set arbitrary response headers. Extend with `exposeHeaders`.
 */
export const ALLOWED_ERROR_HEADERS: ReadonlySet<string> = new Set([
  'www-authenticate',
  'proxy-authenticate',
  'allow',
  'retry-after',
  'content-range',
  'accept-ranges',
  'upgrade',
  'accept',
  'accept-encoding',
  'accept-patch',
  'accept-post',
  'link',
  'content-language',
  'ratelimit',
  'ratelimit-policy',
  'ratelimit-limit',
  'ratelimit-remaining',
  'ratelimit-reset',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
  'x-payment-response',
]);
