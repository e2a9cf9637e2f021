import { storedFieldIssues, STORED } from '../issues/stored-fields.js';
import { debugStack, type FaultInput, type FaultPolicy } from '../fault-input.js';
import { read, readString } from '../read.js';

// SQLSTATE: five characters, digits and upper-case letters.
const SQLSTATE = /^[0-9A-Z]{5}$/;
// `Key (email)=(…) already exists.`, `Key (org_id, slug)=(…) is not present in table "orgs".`
const DETAIL_KEY = /^Key \(([^()]*)\)=/;

/**
 * PostgreSQL errors, from node-postgres (`DatabaseError`), postgres.js (`PostgresError`) or an ORM
 * that copies them (TypeORM's `QueryFailedError`) or wraps one as its `cause` (Drizzle), by
 * SQLSTATE: a unique violation (23505) or a foreign-key violation (23503) is a 409 Conflict, a
 * malformed value such as an id that is not a uuid (22P02) a 400. A conflict names the columns of
 * the key from the error's `detail`; the value in it, the constraint, the table and the SQL never
 * leave. Other SQLSTATEs are left to the rest (a 500).
 */
export function fromPostgres(thrown: unknown, policy?: FaultPolicy): FaultInput | undefined {
  const error = isPostgresError(thrown) ? thrown : isPostgresError(read(thrown, 'cause')) ? read(thrown, 'cause') : undefined;
  if (error === undefined) return undefined;
  const stack = debugStack(thrown, policy);
  const detail = readString(error, 'detail') ?? '';
  switch (readString(error, 'code')) {
    case '23505':
      return { status: 409, message: STORED.unique.message, issues: storedFieldIssues(keyColumns(detail), 'unique', STORED.unique.issue), stack };
    case '23503':
      // On insert or update the referenced row is missing; on delete, rows still refer to this one.
      if (detail.includes('is still referenced')) return { status: 409, message: STORED.stillReferenced.message, stack };
      return {
        status: 409,
        message: STORED.missingReference.message,
        issues: storedFieldIssues(keyColumns(detail), 'reference', STORED.missingReference.issue),
        stack,
      };
    case '22P02':
      return { status: 400, message: STORED.malformed.message, stack };
    default:
      return undefined;
  }
}

function isPostgresError(value: unknown): boolean {
  const code = readString(value, 'code');
  return code !== undefined && SQLSTATE.test(code) && typeof read(value, 'severity') === 'string';
}

function keyColumns(detail: string): string[] {
  const match = DETAIL_KEY.exec(detail);
  if (match === null) return [];
  // Postgres quotes a column name that needs it: `Key ("userId")=…`.
  return (match[1] as string).split(', ').map((column) => (/^"[^"]+"$/.test(column) ? column.slice(1, -1) : column));
}
