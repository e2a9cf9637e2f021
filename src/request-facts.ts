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
}
