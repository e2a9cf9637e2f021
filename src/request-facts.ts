/** What the core needs to know about the request an error answers. Adapters fill it in. */
export interface RequestFacts {
  readonly method: string;
  /** The path, without the query string. */
  readonly path: string;
  /** The request id (`X-Request-Id` or the framework's own), for logs. */
  readonly id?: string;
}
