/** Where in the request a field issue points. */
export type IssueLocation = 'body' | 'query' | 'params' | 'headers';

/**
 * One problem with one field of the request. `pointer` is an RFC 6901 JSON pointer into the
 * location (`/pins/0/cid`), `''` for the location as a whole.
 */
export interface FieldIssue {
  readonly location: IssueLocation;
  readonly pointer: string;
  /** The rule that failed: ajv's keyword (`required`, `format`, …) or the source's own name. */
  readonly keyword: string;
  readonly message: string;
  /**
   * The rule's parameters (ajv's `params`: `{ missingProperty: 'cid' }`, `{ limit: 3 }`), flat and
   * bounded: with the keyword, what a client needs to word the issue in its own language.
   */
  readonly params?: Readonly<Record<string, string | number | boolean | readonly (string | number | boolean)[]>>;
}

/** At most this many issues leave in one response: ajv's `allErrors` on a hostile body can be huge. */
export const MAX_ISSUES = 100;
