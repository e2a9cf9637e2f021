import type { EnvelopeName } from '../../src/index.js';
import { QUOTA_EXCEEDED } from '../../src/kit.js';

/** Bodies each envelope's schema must reject, with why. */
type Bad = [envelope: EnvelopeName, why: string, body: unknown];

export const MALFORMED: Bad[] = [
  ['reason-details', 'not an object', 'Not Found'],
  ['reason-details', 'no error', { reason: 'NOT_FOUND', details: 'x' }],
  ['reason-details', 'error is a string', { error: 'NOT_FOUND' }],
  ['reason-details', 'no reason', { error: { details: 'x' } }],
  ['reason-details', 'reason is a message, not a code', { error: { reason: 'db password is hunter2', details: 'x' } }],
  ['reason-details', 'details is an array', { error: { reason: 'BAD_REQUEST', details: ['x'] } }],
  ['reason-details', 'a stray member inside error', { error: { reason: 'X', details: 'x', stack: 'at …' } }],
  ['reason-details', 'retry_after is a date', { error: { reason: 'TOO_MANY_REQUESTS', details: 'x' }, retry_after: 'Wed, 21 Oct 2015 07:28:00 GMT' }],
  ['error-message-code', 'no code', { error: 'Unauthorized', message: 'x' }],
  ['error-message-code', 'code is a number', { error: 'Unauthorized', message: 'x', code: 401 }],
  ['error-message-code', 'details are strings', { error: 'Bad Request', message: 'x', code: 'BAD_REQUEST', details: ['cid is required'] }],
  ['error-message-code', 'an issue with a bad location', { error: 'Bad Request', message: 'x', code: 'BAD_REQUEST', details: [{ field: '/cid', in: 'cookie', code: 'required', message: 'x' }] }],
  ['error-message-code', 'an issue field that is not a pointer', { error: 'Bad Request', message: 'x', code: 'BAD_REQUEST', details: [{ field: 'cid', in: 'body', code: 'required', message: 'x' }] }],
  ['error-message-code', 'negative retryAfter', { error: 'Too Many Requests', message: 'x', code: 'RATE_LIMIT', retryAfter: -1 }],
  ['status-object', 'status is a number', { status: 401 }],
  ['status-object', 'a 2xx status', { status: { code: 200, text: 'OK', message: 'x' } }],
  ['status-object', 'no text', { status: { code: 401, message: 'x' } }],
  ['status-object', 'a fourth status member', { status: { code: 401, text: 'Unauthorized', message: 'x', reason: 'y' } }],
  ['status-object', 'errors is an object', { status: { code: 400, text: 'Bad Request', message: 'x' }, errors: { cid: 'required' } }],
  ['numeric-code', 'code is a string', { message: 'x', code: '50014' }],
  ['numeric-code', 'code is fractional', { message: 'x', code: 500.5 }],
  ['numeric-code', 'no message', { code: 50014 }],
  ['numeric-code', '_errors is a string', { message: 'x', code: 50035, errors: { cid: { _errors: 'required' } } }],
  ['numeric-code', 'a leaf that is not a node', { message: 'x', code: 50035, errors: { cid: 'required' } }],
  ['numeric-code', 'retry_after without global', { message: 'x', code: 0, retry_after: 5 }],
  ['problem-details', 'no status', { type: 'about:blank', title: 'Not Found', detail: 'x' }],
  ['problem-details', 'status as a string', { type: 'about:blank', title: 'Not Found', status: '404', detail: 'x' }],
  ['problem-details', 'a 3xx status', { type: 'about:blank', title: 'Found', status: 302, detail: 'x' }],
  ['problem-details', 'a 429 that is not quota-exceeded', { type: 'about:blank', title: 'Too Many Requests', status: 429, detail: 'x', 'violated-policies': ['default'] }],
  ['problem-details', 'a 429 without violated-policies', { type: QUOTA_EXCEEDED.type, title: QUOTA_EXCEEDED.title, status: 429, detail: 'x' }],
  ['problem-details', 'an error without a pointer', { type: 'about:blank', title: 'Bad Request', status: 400, detail: 'x', errors: [{ detail: 'x' }] }],
  ['problem-details', 'a pointer without #', { type: 'about:blank', title: 'Bad Request', status: 400, detail: 'x', errors: [{ detail: 'x', pointer: '/cid' }] }],
  ['problem-details', 'an unescaped ~ in a pointer', { type: 'about:blank', title: 'Bad Request', status: 400, detail: 'x', errors: [{ detail: 'x', pointer: '#/a~b' }] }],
  ['problem-details', 'stack that is not text', { type: 'about:blank', title: 'Internal Server Error', status: 500, detail: 'x', stack: ['at x'] }],
];
