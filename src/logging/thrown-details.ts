// What a log line says about the thrown value itself: its type, message, stack and cause chain.
// The thrown value may be hostile (throwing getters, Proxies, cycles), so every read is a safe
// read, and every string is escaped where it can carry client input.
import { read, readString } from '../normalize/read.js';
import { logText } from './log-text.js';

/** How deep a cause chain is followed: deeper chains are almost always a cycle in disguise. */
export const MAX_CAUSES = 8;

const MAX_STACK = 16_384;

/** The thrown value as a log record holds it: plain strings, safe to serialise. */
export interface ThrownDetails {
  /** `TypeError`, `HttpError`, a class name, or `typeof` for a value that is not an object. */
  readonly type: string;
  readonly message?: string;
  /** Multi-line by nature; each line escaped, the error's own message escaped within it. */
  readonly stack?: string;
  /** `error.cause`, then its cause, … (nearest first), at most `MAX_CAUSES`. */
  readonly causes?: readonly ThrownDetails[];
}

/** Type, message and stack of `thrown`, and of each error in its `cause` chain. Never throws. */
export function describeThrown(thrown: unknown): ThrownDetails {
  const details = describeOne(thrown);
  const causes: ThrownDetails[] = [];
  const seen = new Set<unknown>([thrown]);
  let current = read(thrown, 'cause');
  while (current !== undefined && causes.length < MAX_CAUSES && !seen.has(current)) {
    seen.add(current);
    causes.push(describeOne(current));
    current = read(current, 'cause');
  }
  return causes.length === 0 ? details : { ...details, causes };
}

function describeOne(value: unknown): ThrownDetails {
  if (value === null) return { type: 'null' };
  if (typeof value !== 'object' && typeof value !== 'function') {
    // `throw 'text'`: the value is its own message.
    return { type: typeof value, message: logText(String(value)) };
  }
  const type = typeName(value);
  const rawMessage = readString(value, 'message');
  const rawStack = readString(value, 'stack');
  const details: { type: string; message?: string; stack?: string } = { type };
  if (rawMessage !== undefined) details.message = logText(rawMessage);
  if (rawStack !== undefined) details.stack = stackText(rawStack, rawMessage, readString(value, 'name'));
  return details;
}

function typeName(value: object): string {
  const name = readString(read(value, 'constructor'), 'name') ?? readString(value, 'name');
  return name === undefined || name === '' ? 'Object' : logText(name, 128);
}

/**
 * A stack's first line is `Name: message`, and the message (often client input) may hold line
 * breaks of its own: those are escaped where they occur, so the only line breaks left are the ones
 * between frames. Each line is then escaped on its own (a forged frame cannot carry CR either).
 */
function stackText(stack: string, message: string | undefined, name: string | undefined): string {
  let text = stack.length > MAX_STACK ? stack.slice(0, MAX_STACK) : stack;
  for (const part of [message, name]) {
    if (part !== undefined && part !== '' && /[\r\n\u2028\u2029\u0085]/.test(part)) {
      text = text.replace(part, () => logText(part, part.length));
    }
  }
  return text
    .split('\n')
    .map((line) => logText(line, MAX_STACK))
    .join('\n');
}
