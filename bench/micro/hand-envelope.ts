import { STATUS_CODES } from 'node:http';
import type { FieldIssue } from '../../src/index.js';
import type { BenchResponse } from './scenarios.js';

/**
 * The error handler a developer writes by hand around an error library: RFC 9457 problem details,
 * the same bytes faultline writes for a 404, message hidden on a 5xx, `Retry-After` when known.
 */
export function handEnvelope(
  status: number,
  message: string,
  expose: boolean,
  issues?: readonly FieldIssue[],
  retryAfter?: number,
): BenchResponse {
  const title = STATUS_CODES[status] ?? 'Error';
  const body: Record<string, unknown> = { type: 'about:blank', title, status, detail: expose ? message : title };
  if (issues !== undefined) body.errors = issues.map((issue) => ({ detail: issue.message, pointer: `#${issue.pointer}` }));
  const headers: Record<string, string> = { 'content-type': 'application/problem+json', 'cache-control': 'no-store' };
  if (retryAfter !== undefined) headers['retry-after'] = String(retryAfter);
  return { status, headers, body: JSON.stringify(body) };
}
