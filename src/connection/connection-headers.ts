import type { RequestFacts } from '../request-facts.js';

// RFC 9113 §8.2.2: a field that is connection-specific in HTTP/1.1 makes an HTTP/2 message
// malformed (Node refuses to send one: ERR_HTTP2_INVALID_CONNECTION_HEADERS). HTTP/3 likewise.
const CONNECTION_SPECIFIC: readonly string[] = ['connection', 'upgrade', 'keep-alive', 'transfer-encoding', 'proxy-connection'];

/** True for HTTP/2 and later, as the adapter reports the request's version (`'2.0'`, `'2'`, `'3'`). */
export function isMultiplexed(request: RequestFacts | undefined): boolean {
  const version = request?.httpVersion;
  if (version === undefined) return false;
  const major = Number.parseInt(version, 10);
  return Number.isInteger(major) && major >= 2;
}

/**
 * The connection-level fields of an error response, for the request's HTTP version: over HTTP/2
 * and later none at all, whatever was thrown (a 426's `Upgrade`, a field in `exposeHeaders`); over
 * HTTP/1.1 an `Upgrade` is named in `Connection`, as its sender must (RFC 9110 §7.8). An unknown
 * version is treated as HTTP/1.1. `Transfer-Encoding` never comes from an error: the adapter frames
 * the body it writes (with `Content-Length`), and both at once make a message no parser trusts.
 */
export function withConnectionFields(headers: Record<string, string>, request: RequestFacts | undefined): void {
  delete headers['transfer-encoding'];
  if (isMultiplexed(request)) {
    for (const name of CONNECTION_SPECIFIC) delete headers[name];
    return;
  }
  if (headers['upgrade'] !== undefined) headers['connection'] = 'upgrade';
}
