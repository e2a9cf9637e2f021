import type { JsonValue } from '../fault/fault.js';

const MAX_DEPTH = 8;
const MAX_KEYS = 50;
const MAX_ITEMS = 100;
const MAX_STRING = 10_000;

/**
 * Reduces anything to a JSON value that `JSON.stringify` cannot fail on: cycles, BigInt, Symbols,
 * throwing getters, revoked Proxies and huge structures all come out as bounded plain data.
 * Returns `undefined` for values JSON would omit (functions, symbols, undefined).
 */
export function toJsonValue(value: unknown): JsonValue | undefined {
  return reduce(value, 0, new Set());
}

function reduce(value: unknown, depth: number, seen: Set<object>): JsonValue | undefined {
  switch (typeof value) {
    case 'string':
      return value.length > MAX_STRING ? value.slice(0, MAX_STRING) : value;
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'boolean':
      return value;
    case 'bigint':
      return value.toString();
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
  }
  if (value === null) return null;
  const object = value as object;
  if (seen.has(object)) return '[Circular]';
  if (depth >= MAX_DEPTH) return '[Truncated]';
  seen.add(object);
  try {
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
    if (Array.isArray(value)) {
      const out: JsonValue[] = [];
      const length = Math.min(value.length, MAX_ITEMS);
      for (let i = 0; i < length; i++) out.push(reduce(read(value, i), depth + 1, seen) ?? null);
      return out;
    }
    const out: { [key: string]: JsonValue } = Object.create(null) as { [key: string]: JsonValue };
    if (value instanceof Error) {
      // Error's own name/message/stack are not enumerable, but they are what a reader of a cause wants.
      for (const key of ['name', 'message', 'code', 'status', 'stack']) {
        const item = reduce(read(value, key), depth + 1, seen);
        if (item !== undefined) out[key] = item;
      }
      const cause = read(value, 'cause');
      if (cause !== undefined) out.cause = reduce(cause, depth + 1, seen) ?? null;
    }
    let count = 0;
    for (const key of Object.keys(object)) {
      if (count++ >= MAX_KEYS) break;
      if (key in out) continue;
      const item = reduce(read(object, key), depth + 1, seen);
      if (item !== undefined) out[key] = item;
    }
    return out;
  } catch {
    return '[Unreadable]';
  } finally {
    seen.delete(object);
  }
}

function read(object: object, key: PropertyKey): unknown {
  try {
    return (object as Record<PropertyKey, unknown>)[key];
  } catch {
    return undefined;
  }
}
