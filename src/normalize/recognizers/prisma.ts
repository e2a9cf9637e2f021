import { storedFieldIssues, STORED } from '../issues/stored-fields.js';
import { debugStack, type FaultInput, type FaultPolicy } from '../fault-input.js';
import { read, readString } from '../read.js';

/**
 * Prisma's `PrismaClientKnownRequestError`, by code: a unique violation (P2002) or a foreign-key
 * failure (P2003) is a 409 Conflict, a record that an update or delete needed and did not find
 * (P2025; P2001, P2015, P2018) a 404. A unique violation names its fields when Prisma lists them
 * (`meta.target` as a list of fields, or a driver adapter's `constraint.fields`); Prisma's message
 * (which quotes the query and the model) and `meta` otherwise never leave.
 */
export function fromPrisma(thrown: unknown, policy?: FaultPolicy): FaultInput | undefined {
  if (readString(thrown, 'name') !== 'PrismaClientKnownRequestError') return undefined;
  const stack = debugStack(thrown, policy);
  switch (readString(thrown, 'code')) {
    case 'P2002':
      return { status: 409, message: STORED.unique.message, issues: storedFieldIssues(uniqueFields(read(thrown, 'meta')), 'unique', STORED.unique.issue), stack };
    case 'P2003':
      return { status: 409, message: STORED.missingReference.message, stack };
    case 'P2001':
    case 'P2015':
    case 'P2018':
    case 'P2025':
      return { status: 404, message: STORED.notFound.message, stack };
    default:
      return undefined;
  }
}

// `meta.target` is a list of fields, or (MySQL, some Postgres versions) the index's name: only a list names fields.
function uniqueFields(meta: unknown): unknown[] {
  const target = read(meta, 'target');
  if (Array.isArray(target)) return target;
  const fields = read(read(read(read(meta, 'driverAdapterError'), 'cause'), 'constraint'), 'fields');
  return Array.isArray(fields) ? fields : [];
}
