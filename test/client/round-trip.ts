import { expect } from 'vitest';
import { type ClientError, type EnvelopeName } from '../../src/index.js';
import { defaultCode } from '../../src/kit.js';
import { type ClientIssue } from '../../src/client/index.js';
import type { GeneratedFault } from './faults.js';

/**
 * What each envelope carries back to the client: the round-trip contract docs/guide/client.md documents.
 * `status`, the header `Retry-After` and extra members round-trip in every envelope.
 */
export const CARRIES: Readonly<
  Record<
    EnvelopeName,
    {
      /** The error's own machine code; otherwise the client sees the status's default. */
      readonly code: boolean;
      readonly numericCode: boolean;
      /** Which issue members come back (none: reason-details summarises them into its text). */
      readonly issues: readonly ('pointer' | 'message' | 'keyword' | 'location')[];
      /** A 429's wait in the body as well as in `Retry-After`. */
      readonly retryAfterInBody: boolean;
    }
  >
> = {
  'reason-details': { code: true, numericCode: false, issues: [], retryAfterInBody: true },
  'error-message-code': { code: true, numericCode: false, issues: ['pointer', 'message', 'keyword', 'location'], retryAfterInBody: true },
  'status-object': { code: false, numericCode: false, issues: ['pointer', 'message', 'keyword', 'location'], retryAfterInBody: false },
  'numeric-code': { code: false, numericCode: true, issues: ['pointer', 'message'], retryAfterInBody: true },
  'problem-details': { code: true, numericCode: false, issues: ['pointer', 'message', 'location'], retryAfterInBody: false },
};

function pick(issue: ClientIssue, members: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(members.map((m) => [m, (issue as unknown as Record<string, unknown>)[m]]));
}

// numeric-code groups issues by field in a JSON object, whose key order is not the issues' order
// (integer-like keys come first): compared as multisets there, in order everywhere else.
function comparable(issues: readonly ClientIssue[], members: readonly string[], ordered: boolean): string[] {
  const out = issues.map((issue) => JSON.stringify(pick(issue, members)));
  return ordered ? out : out.toSorted();
}

/** Asserts that `parsed` is `fault` as far as `envelope` carries it. */
export function expectRoundTrip(envelope: EnvelopeName, fault: GeneratedFault, parsed: ClientError, withHeaders: boolean): void {
  const carries = CARRIES[envelope];
  expect(parsed.envelope).toBe(envelope);
  expect(parsed.status).toBe(fault.status);
  expect(parsed.code).toBe(carries.code ? fault.code : defaultCode(fault.status));
  if (carries.numericCode) {
    expect(parsed.numericCode).toBe(fault.numericCode ?? (fault.issues !== undefined ? 50035 : 0));
  } else {
    expect(parsed.numericCode).toBeUndefined();
  }

  if (envelope === 'reason-details' && fault.issues !== undefined) {
    // The summary: the message, then each issue.
    expect(parsed.message.startsWith(`${fault.message}: `)).toBe(true);
  } else {
    expect(parsed.message).toBe(fault.message);
  }

  const members = carries.issues;
  if (members.length === 0 || fault.issues === undefined) {
    expect(parsed.issues).toEqual([]);
  } else {
    const ordered = envelope !== 'numeric-code';
    expect(comparable(parsed.issues, members, ordered)).toEqual(
      comparable(
        fault.issues.map((i) => ({ pointer: i.pointer, message: i.message, keyword: i.keyword, location: i.location })),
        members,
        ordered,
      ),
    );
    if (envelope === 'numeric-code') {
      // The keyword comes back as the envelope writes it, in UPPER_SNAKE; the location not at all.
      for (const issue of parsed.issues) {
        expect(issue.keyword).toMatch(/^[A-Z0-9_]*$/);
        expect(issue.location).toBeUndefined();
      }
    }
  }

  const bodyWait = carries.retryAfterInBody && fault.status === 429 ? fault.retryAfter : undefined;
  expect(parsed.retryAfter).toBe(withHeaders ? fault.retryAfter : bodyWait);

  expect(parsed.extras).toEqual(fault.extras === undefined ? {} : JSON.parse(JSON.stringify(fault.extras)));
}
