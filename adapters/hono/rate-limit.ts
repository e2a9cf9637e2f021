// Rate limiting for Hono, web-standard only (Node, Bun, Deno, Workers): the key comes from the
// app or the runtime's connection, the core consumes, the fields go on the response. A refusal or a closed store failure is
// thrown, for `errorHandler` (`app.onError`) to render like every other error.
import type { Context, Env, MiddlewareHandler } from 'hono';
import { createRateLimit, headerText, type ClientAddress, type RateLimitOptions, type RequestFacts, type WarningChannel } from '../../src/kit.js';
import { facts } from './request-facts.js';

export { ipKey } from '../../src/kit.js';

export interface HonoRateLimitOptions<E extends Env = Env> extends RateLimitOptions {
  /**
   * Whose points a request spends. Default: the connection's address where the runtime gives it
   * to Hono (`@hono/node-server`, Bun, Deno: what each one's `getConnInfo` reads), an IPv6 address
   * keyed by its /56 (`ipv6Subnet`); elsewhere (Cloudflare Workers) a request fails with a
   * TypeError saying to pass a key. Hono trusts no proxy: behind one, read the header it sets,
   * through `ipKey`: `key: (c) => ipKey(c.req.header('x-real-ip') ?? 'unknown')`.
   */
  readonly key?: (c: Context<E>) => string | Promise<string>;
  /** Points a request spends. Default 1. */
  readonly cost?: number | ((c: Context<E>) => number);
}

/** `app.use(rateLimit({ limiter }))`. */
export function rateLimit<E extends Env = Env>(options: HonoRateLimitOptions<E>): MiddlewareHandler<E> {
  const limit = createRateLimit(options, warnOnConsole);
  const { key, cost } = options;
  const costOf = typeof cost === 'function' ? cost : () => cost ?? 1;
  return async function faultlineRateLimit(c, next) {
    // Built only if the limiter has something to tell onError: not on an admitted request.
    const request = (): RequestFacts => facts(c);
    const resolved = key === undefined ? limit.clientKey(clientOf(c), request) : String(await key(c));
    const decision = await limit.consume(resolved, costOf(c), request);
    for (const name in decision.headers) c.header(name, decision.headers[name] as string);
    await next();
  };
}

// Web-standard: no `process` to emit a warning on everywhere Hono runs.
const warnOnConsole: WarningChannel = (warning) => console.warn(`${warning.name} [${warning.code}]: ${warning.message}`);

/** What the runtimes put in `c.env`: Node's request (`@hono/node-server`), Bun's server, Deno's connection info. */
interface RuntimeBindings {
  readonly incoming?: { readonly socket?: { readonly remoteAddress?: unknown }; readonly headers?: Readonly<Record<string, unknown>> };
  requestIP?(request: Request): { readonly address?: unknown } | null;
  readonly remoteAddr?: { readonly hostname?: unknown };
}

/** The connection's address as each runtime's own `getConnInfo` reads it, without importing any of them. */
function remoteAddress(c: Context): string {
  const env = c.env as RuntimeBindings | undefined;
  const address = env?.incoming?.socket?.remoteAddress ?? (typeof env?.requestIP === 'function' ? env.requestIP(c.req.raw)?.address : undefined) ?? env?.remoteAddr?.hostname;
  if (typeof address === 'string') return address;
  throw new TypeError('faultline: rateLimit cannot read the client address on this runtime: pass rateLimit({ key: (c) => … })');
}

// On Node, from the request's own header object: @hono/node-server builds a Headers object on the
// first read of c.req.header(), which an admitted request otherwise never pays for.
function forwardedFor(c: Context): string | undefined {
  const headers = (c.env as RuntimeBindings | undefined)?.incoming?.headers;
  return headers === undefined ? c.req.header('x-forwarded-for') : headerText(headers['x-forwarded-for']);
}

function clientOf(c: Context): ClientAddress {
  return {
    address: remoteAddress(c),
    trustsProxy: false,
    howToTrust: "Hono trusts no proxy: pass rateLimit a key that reads the header your proxy sets, through ipKey (key: (c) => ipKey(c.req.header('x-real-ip') ?? 'unknown')).",
    forwardedFor: forwardedFor(c),
  };
}
