import { storedFieldIssues, STORED } from '../issues/stored-fields.js';
import { debugStack, type FaultInput, type FaultPolicy } from '../fault-input.js';
import { read, readNumber, readString } from '../read.js';

// `… a foreign key constraint fails (`db`.`pins`, CONSTRAINT `pins_ibfk_1` FOREIGN KEY (`owner`) REFERENCES …`
const FOREIGN_KEY = /FOREIGN KEY \(((?:`[^`]+`(?:, )?)+)\)/;

/**
 * MySQL and MariaDB errors (mysql2, mysql, the mariadb connector, and ORMs that wrap one as their
 * `cause`), by error number: a duplicate entry (1062 `ER_DUP_ENTRY`) or a foreign-key failure
 * (1451/1452, 1216/1217) is a 409 Conflict. MySQL names the index of a duplicate, not its
 * columns, so a duplicate names no field; a missing reference names its columns. The duplicate
 * value, the index, constraint and table names and the SQL (mysql2 keeps it as `sql`) never leave.
 */
export function fromMysql(thrown: unknown, policy?: FaultPolicy): FaultInput | undefined {
  const error = isMysqlError(thrown) ? thrown : isMysqlError(read(thrown, 'cause')) ? read(thrown, 'cause') : undefined;
  if (error === undefined) return undefined;
  const stack = debugStack(thrown, policy);
  switch (readNumber(error, 'errno')) {
    case 1062:
      return { status: 409, message: STORED.unique.message, stack };
    case 1452:
    case 1216: {
      const text = readString(error, 'sqlMessage') ?? readString(error, 'message') ?? '';
      const columns = FOREIGN_KEY.exec(text)?.[1]?.split(', ').map((column) => column.slice(1, -1)) ?? [];
      return {
        status: 409,
        message: STORED.missingReference.message,
        issues: storedFieldIssues(columns, 'reference', STORED.missingReference.issue),
        stack,
      };
    }
    case 1451:
    case 1217:
      return { status: 409, message: STORED.stillReferenced.message, stack };
    default:
      return undefined;
  }
}

// Every MySQL client error names its server error: `code: 'ER_…'` with the number as `errno`.
function isMysqlError(value: unknown): boolean {
  const code = readString(value, 'code');
  return code !== undefined && code.startsWith('ER_') && typeof read(value, 'errno') === 'number';
}
