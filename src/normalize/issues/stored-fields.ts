import type { FieldIssue } from '../../fault/field-issue.js';
import { escapePointerToken } from '../../fault/json-pointer.js';

// A column or document field as a database reports it: an identifier, or a dotted path of them
// (MongoDB's `profile.email`). Anything else (an expression index, `lower(email::text)`) is not a field.
const FIELD = /^[A-Za-z_$][A-Za-z0-9_$]{0,62}(\.[A-Za-z_$][A-Za-z0-9_$]{0,62}){0,7}$/;

/**
 * Issues naming the fields a database reported for a conflict, one per field: a JSON pointer into
 * the body (the record is usually made from it), the keyword and a message of faultline's own.
 * Only the field names: never the stored value, the constraint, index, table or schema. A name
 * that is not a plain identifier is left out, and with it every issue: a partial list would lie.
 */
export function storedFieldIssues(fields: readonly unknown[], keyword: string, message: string): FieldIssue[] | undefined {
  if (fields.length === 0 || fields.length > 8) return undefined;
  const issues: FieldIssue[] = [];
  for (const field of fields) {
    if (typeof field !== 'string' || !FIELD.test(field)) return undefined;
    issues.push({ location: 'body', pointer: field.split('.').map((token) => `/${escapePointerToken(token)}`).join(''), keyword, message });
  }
  return issues;
}

/** The messages of the conflicts every database family reports, worded once. */
export const STORED = {
  unique: { message: 'A record with the same values already exists', issue: 'is already taken' },
  missingReference: { message: 'A record this one refers to does not exist', issue: 'refers to a record that does not exist' },
  stillReferenced: { message: 'The record is still referred to by other records' },
  malformed: { message: 'A value in the request is not in the expected format' },
  notFound: { message: 'The record does not exist' },
} as const;
