/** Where in the request a field issue points. */
export type IssueLocation = 'body' | 'query' | 'params' | 'headers';

/** One value of an issue's `params`: a string, number or boolean, or a short list of them (`allowedValues`). */
export type IssueParam = string | number | boolean | readonly (string | number | boolean)[];

/**
 * One problem with one field of the request. `pointer` is an RFC 6901 JSON pointer into the
 * location (`/pins/0/cid`), `''` for the location as a whole.
 */
export interface FieldIssue {
  readonly location: IssueLocation;
  readonly pointer: string;
  /**
   * The rule that failed, in JSON Schema's words whoever checked it (`required`, `type`,
   * `minLength`, `format`, …: ajv's keyword, or zod's, valibot's or arktype's rule mapped onto it),
   * else the source's own name (`custom`, `unique`).
   */
  readonly keyword: string;
  readonly message: string;
  /**
   * The rule's parameters, named as ajv names them for the keyword (`{ limit: 1 }` for minLength,
   * `{ type: 'string' }`, `{ allowedValues: […] }`, `{ format: 'email' }`), so a client can write
   * its own message in its own language. Only values from the schema, never from the request.
   */
  readonly params?: Readonly<Record<string, IssueParam>>;
}

/** At most this many issues leave in one response: ajv's `allErrors` on a hostile body can be huge. */
export const MAX_ISSUES = 100;
