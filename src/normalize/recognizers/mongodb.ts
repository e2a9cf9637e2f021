import { storedFieldIssues, STORED } from '../issues/stored-fields.js';
import { debugStack, type FaultInput, type FaultPolicy } from '../fault-input.js';
import { ownKeys, read, readString } from '../read.js';

/**
 * MongoDB's duplicate key error (code 11000, or 11001 from old servers), from the driver
 * (`MongoServerError`, `MongoBulkWriteError`) and so from Mongoose: a 409 Conflict naming the
 * fields of the key (`keyValue`'s keys). The values, the index and the collection never leave.
 */
export function fromMongodb(thrown: unknown, policy?: FaultPolicy): FaultInput | undefined {
  const name = readString(thrown, 'name');
  if (name === undefined || !name.startsWith('Mongo')) return undefined;
  const code = read(thrown, 'code');
  if (code !== 11000 && code !== 11001) return undefined;
  const keyValue = read(thrown, 'keyValue') ?? read(thrown, 'keyPattern');
  return {
    status: 409,
    message: STORED.unique.message,
    issues: storedFieldIssues(ownKeys(keyValue), 'unique', STORED.unique.issue),
    stack: debugStack(thrown, policy),
  };
}
