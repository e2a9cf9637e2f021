/**
 * Headers a route may have set for the representation it was about to send; they describe a body
 * that will not be sent, so adapters remove them before writing the error. Everything else set
 * before the error (CORS, `Vary`, security headers, request ids) stays: Koa's default handler
 * wipes those too (koajs/koa#1127), which breaks CORS on every error.
 */
export const STALE_HEADERS: readonly string[] = [
  'content-length',
  'content-encoding',
  'content-disposition',
  'content-language',
  'content-location',
  'content-range',
  'etag',
  'last-modified',
  'expires',
];

const STALE: ReadonlySet<string> = /* @__PURE__ */ new Set(STALE_HEADERS);

/**
 * True for a (lower-case) header name in STALE_HEADERS. An adapter that can list the headers already
 * set removes those few rather than asking to remove all nine, whether set or not.
 */
export function isStaleHeader(name: string): boolean {
  return STALE.has(name);
}
