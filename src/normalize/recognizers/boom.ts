import type { FaultInput } from '../fault-input.js';
import { read } from '../read.js';

/** `@hapi/boom` errors and anything shaped like them (`isBoom` with an `output`). */
export function fromBoom(thrown: unknown): FaultInput | undefined {
  if (read(thrown, 'isBoom') !== true) return undefined;
  const output = read(thrown, 'output');
  const payload = read(output, 'payload');
  return {
    status: read(output, 'statusCode'),
    message: read(payload, 'message') ?? read(thrown, 'message'),
    headers: read(output, 'headers'),
    stack: read(thrown, 'stack'),
    cause: read(thrown, 'data') ?? read(thrown, 'cause'),
  };
}
