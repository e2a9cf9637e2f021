/** Why the default key may be wrong, found at run time; said once per `rateLimit()`. */
export class RateLimitWarning extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'RateLimitWarning';
    this.code = code;
  }
}

/** How an adapter says a warning when the app gave no `onError`: Node's `process.emitWarning`, or the console. */
export type WarningChannel = (warning: RateLimitWarning) => void;

/**
 * A request that came through a proxy the app has not declared: `X-Forwarded-For` is there, but the
 * framework trusts no proxy (Express's `trust proxy`, Koa's `app.proxy`, Fastify's `trustProxy`;
 * the caller asks only then), so the address the default key uses is the proxy's and every client
 * behind it shares one bucket. The header is never trusted by faultline itself: a client sets it to
 * whatever it likes.
 */
export function undeclaredProxy(forwarded: string | undefined, how: string): RateLimitWarning | undefined {
  if (forwarded === undefined || forwarded === '') return undefined;
  return new RateLimitWarning(
    'ERR_FAULTLINE_UNDECLARED_PROXY',
    `faultline rateLimit: a request came with X-Forwarded-For, but the app does not trust proxies, so the default key is the proxy's address and every client behind it shares one limit. ${how}`,
  );
}
