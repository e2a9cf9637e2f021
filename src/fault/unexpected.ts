import type { Fault } from './fault.js';

/**
 * True for a fault nobody meant to answer: a 5xx. Everything faultline does not recognise (a
 * `TypeError`, a rejected promise of some library, `throw 'text'`) becomes a 500, so this covers it
 * too; an expected 4xx (a 404, a validation 400, a 429) is the client's business, not a bug report.
 * What default logging prints with its stack, and what error trackers should be sent.
 */
export function isUnexpected(fault: Pick<Fault, 'status'>): boolean {
  return fault.status >= 500;
}
