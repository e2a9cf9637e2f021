/**
 * Every header name an error response may carry, whatever was thrown. Defined here, apart from
 * the core's own allow-list, so the tests check the core instead of agreeing with it.
 */
export const ALLOWED_RESPONSE_HEADERS: ReadonlySet<string> = new Set([
  // What faultline writes on every error.
  'content-type',
  'cache-control',
  // Content negotiation of a +json envelope's media type (RFC 9110 §12.5.5).
  'vary',
  // Protocol fields a thrown error may ask for (docs/guide/options.md, "Headers an error may set").
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
  // Framing, written by Node's HTTP server.
  'content-length',
  'transfer-encoding',
  'date',
  'connection',
  'keep-alive',
  // Express (and Nest on Express) add it to every response unless `app.disable('x-powered-by')`.
  'x-powered-by',
]);

/** Names never allowed on an error response, whatever a thrown value asked for. */
export const FORBIDDEN_HEADERS = ['set-cookie', 'location', 'refresh', 'content-disposition', 'access-control-allow-origin'] as const;
