/** Reads one request header field by its lower-case name; repeated fields come back joined by ", ". */
export type HeaderReader = (name: string) => string | undefined;

/** What the core needs to know about the request an error answers. Adapters fill it in. */
export interface RequestFacts {
  readonly method: string;
  /** The path, without the query string. */
  readonly path: string;
  /** The request id (`X-Request-Id` or the framework's own), for logs. */
  readonly id?: string;
  /**
   * The request's header fields, read on demand: what the response depends on besides the error
   * (`Accept` for the media type). Absent, the response is what a request without them would get.
   */
  readonly header?: HeaderReader;
  /**
   * True once the client has gone (closed the connection, cancelled the stream, aborted its
   * upload): an abort-shaped error is then told to `onError` as 499 Client Closed Request.
   */
  readonly aborted?: () => boolean;
  /**
   * The request's abort signal, on fetch-based runtimes: what was thrown because it aborted (its
   * `reason`, which a `fetch(url, { signal })` rejects with) is the client going, too. With
   * `aborted`, the core reads it only once `aborted()` has said the client is gone.
   */
  readonly signal?: AbortSignal | undefined;
  /**
   * The HTTP version (`'1.1'`, `'2.0'`), when the adapter knows it: HTTP/2 and later carry no
   * connection-specific header field (RFC 9113 §8.2.2), whatever was thrown.
   */
  readonly httpVersion?: string;
}
