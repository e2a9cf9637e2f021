import type { FieldIssue } from '../../fault/field-issue.js';
import { escapePointerToken } from '../../fault/json-pointer.js';
import { debugStack, type FaultInput, type FaultPolicy } from '../fault-input.js';
import { readString } from '../read.js';

// Multer's codes: a limit the upload went over is a 413, an upload the route did not expect a 400.
const BY_CODE: Record<string, { status: number; message: string; keyword?: string }> = {
  LIMIT_PART_COUNT: { status: 413, message: 'Too many parts in the upload' },
  LIMIT_FILE_SIZE: { status: 413, message: 'The uploaded file is too large', keyword: 'maxFileSize' },
  LIMIT_FILE_COUNT: { status: 413, message: 'Too many files in the upload' },
  LIMIT_FIELD_KEY: { status: 413, message: 'A field name in the upload is too long' },
  LIMIT_FIELD_VALUE: { status: 413, message: 'A field value in the upload is too long', keyword: 'maxFieldSize' },
  LIMIT_FIELD_COUNT: { status: 413, message: 'Too many fields in the upload' },
  LIMIT_UNEXPECTED_FILE: { status: 400, message: 'The upload has a file in a field that takes none', keyword: 'unexpectedFile' },
  MISSING_FIELD_NAME: { status: 400, message: 'A part of the upload has no field name' },
};

/**
 * Multer's `MulterError`: over a limit (`LIMIT_FILE_SIZE`, `LIMIT_FILE_COUNT`, …) is a 413 Content
 * Too Large, a file in a field the route does not take (`LIMIT_UNEXPECTED_FILE`) a 400; an issue
 * names the form field when Multer reports it.
 */
export function fromMulter(thrown: unknown, policy?: FaultPolicy): FaultInput | undefined {
  if (readString(thrown, 'name') !== 'MulterError') return undefined;
  const code = readString(thrown, 'code');
  const known = code !== undefined && Object.hasOwn(BY_CODE, code) ? BY_CODE[code] : undefined;
  if (known === undefined) return undefined;
  const field = readString(thrown, 'field');
  const issues: FieldIssue[] | undefined =
    known.keyword !== undefined && field !== undefined && field !== '' && field.length <= 256
      ? [{ location: 'body', pointer: `/${escapePointerToken(field)}`, keyword: known.keyword, message: known.message }]
      : undefined;
  return { status: known.status, message: known.message, issues, stack: debugStack(thrown, policy) };
}
