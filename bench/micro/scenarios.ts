import type { FieldIssue } from '../../src/index.js';

/** The four error responses every candidate produces. */
export type Scenario = '404' | '500' | 'validation' | '429';
export const SCENARIOS: readonly Scenario[] = ['404', '500', 'validation', '429'];

/** What every candidate returns: what an adapter would write. */
export interface BenchResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | null;
}

/** The failure each validation scenario reports: two fields, as ajv would find them. */
export const ISSUES: readonly FieldIssue[] = [
  { location: 'body', pointer: '/name', keyword: 'required', message: 'must have required property name' },
  { location: 'body', pointer: '/pins/0/cid', keyword: 'type', message: 'must be string' },
];

export const VALIDATION_MESSAGE = 'Invalid request';
/** The internal message every 500 carries and no response may show. */
export const SECRET = 'connection to db-7 refused';
export const RETRY_AFTER = 30;
