import { storedFieldIssues, STORED } from '../issues/stored-fields.js';
import { debugStack, type FaultInput, type FaultPolicy } from '../fault-input.js';
import { read, readNumber, readString } from '../read.js';

// SQLite's extended result codes, as better-sqlite3 names them and as node:sqlite numbers them.
const UNIQUE = new Set(['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY']);
const UNIQUE_NUMBERS = new Set([2067, 1555]);
const FOREIGN_KEY_NUMBER = 787;
// `UNIQUE constraint failed: users.email, users.org`
const UNIQUE_COLUMNS = /UNIQUE constraint failed: ([\w$.]+(?:, [\w$.]+)*)/;

/**
 * SQLite errors (better-sqlite3's `SqliteError`, node:sqlite's, node-sqlite3's, and ORMs that wrap
 * one as their `cause`): a unique or primary-key violation or a foreign-key failure is a 409
 * Conflict. A unique violation names its columns, without the table; never the value.
 */
export function fromSqlite(thrown: unknown, policy?: FaultPolicy): FaultInput | undefined {
  const error = isSqliteError(thrown) ? thrown : isSqliteError(read(thrown, 'cause')) ? read(thrown, 'cause') : undefined;
  if (error === undefined) return undefined;
  const code = readString(error, 'code') ?? '';
  const number = readNumber(error, 'errcode');
  const message = readString(error, 'message') ?? '';
  const stack = debugStack(thrown, policy);
  // node-sqlite3 reports only SQLITE_CONSTRAINT; its message says which.
  const plain = code === 'SQLITE_CONSTRAINT';
  if (UNIQUE.has(code) || (number !== undefined && UNIQUE_NUMBERS.has(number)) || (plain && message.includes('UNIQUE constraint failed'))) {
    const columns = UNIQUE_COLUMNS.exec(message)?.[1]?.split(', ').map((column) => column.slice(column.lastIndexOf('.') + 1)) ?? [];
    return { status: 409, message: STORED.unique.message, issues: storedFieldIssues(columns, 'unique', STORED.unique.issue), stack };
  }
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || number === FOREIGN_KEY_NUMBER || (plain && message.includes('FOREIGN KEY constraint failed'))) {
    return { status: 409, message: STORED.missingReference.message, stack };
  }
  return undefined;
}

function isSqliteError(value: unknown): boolean {
  const code = readString(value, 'code');
  if (code === undefined) return false;
  // node:sqlite: `ERR_SQLITE_ERROR` with the extended result code as `errcode`.
  return code.startsWith('SQLITE_') || (code === 'ERR_SQLITE_ERROR' && typeof read(value, 'errcode') === 'number');
}
