import type { FieldIssue } from '../../fault/field-issue.js';
import { MAX_ISSUES } from '../../fault/field-issue.js';
import type { FaultInput } from '../fault-input.js';
import { callMethod, read } from '../read.js';

/**
 * NestJS `HttpException` and its family, duck-typed (`getStatus()` and `getResponse()`), so the
 * core never imports Nest. `ValidationPipe`'s `BadRequestException` carries a message array:
 * class-validator's messages start with the property path, which becomes the issue's pointer.
 */
export function fromNestHttpException(thrown: unknown): FaultInput | undefined {
  if (typeof read(thrown, 'getStatus') !== 'function' || typeof read(thrown, 'getResponse') !== 'function') {
    return undefined;
  }
  const response = callMethod(thrown, 'getResponse');
  const input: FaultInput = {
    status: callMethod(thrown, 'getStatus'),
    message: read(thrown, 'message'),
    stack: read(thrown, 'stack'),
    cause: read(thrown, 'cause'),
  };
  if (typeof response === 'string') {
    input.message = response;
  } else if (response !== null && typeof response === 'object') {
    const message = read(response, 'message');
    if (typeof message === 'string') input.message = message;
    else if (Array.isArray(message)) {
      input.issues = issuesFromMessages(message);
      input.validation = true;
      input.message = 'Request validation failed';
    }
    const code = read(response, 'code');
    if (typeof code === 'string') input.code = code;
  }
  return input;
}

const PATH = /^([A-Za-z_$][\w$]*(?:\.[\w$]+)*)\s+(.+)$/s;

function issuesFromMessages(messages: readonly unknown[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const message of messages.slice(0, MAX_ISSUES)) {
    if (typeof message !== 'string') continue;
    const match = PATH.exec(message);
    const pointer = match ? '/' + (match[1] as string).split('.').join('/') : '';
    issues.push({ location: 'body', pointer, keyword: 'invalid', message });
  }
  return issues;
}
