import type { FieldIssue } from './field-issue.js';

type Param = FieldIssue['params'] extends Readonly<Record<string, infer V>> | undefined ? V : never;

const MAX_KEYS = 16;
const MAX_KEY = 64;
const MAX_TEXT = 256;
const MAX_ITEMS = 32;

/**
 * A validator's parameters of one issue (ajv's `params`: `{ missingProperty: 'cid' }`,
 * `{ limit: 3 }`, `{ allowedValues: [...] }`; zod's `minimum`, `expected`, …), what a client needs
 * to word the issue in its own language. Flat and bounded: at most 16 members, each a string (at
 * most 256 characters), a finite number, a boolean, or a list of at most 32 of those; null, nested
 * objects and anything else are left out (OpenAPI 3.0 has no null type to describe them). Never throws; `{}` for anything that is not an object.
 */
export function issueParams(value: unknown): Readonly<Record<string, Param>> {
  const out: Record<string, Param> = {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return out;
  let keys: string[];
  try {
    keys = Object.keys(value);
  } catch {
    return out;
  }
  let count = 0;
  for (const key of keys) {
    if (count >= MAX_KEYS) break;
    if (key.length > MAX_KEY || key === '__proto__') continue;
    let item: unknown;
    try {
      item = (value as Record<string, unknown>)[key];
    } catch {
      continue;
    }
    const param = Array.isArray(item) ? list(item) : scalar(item);
    if (param === undefined) continue;
    out[key] = param;
    count++;
  }
  return out;
}

function scalar(value: unknown): string | number | boolean | undefined {
  if (typeof value === 'string') return value.length > MAX_TEXT ? value.slice(0, MAX_TEXT) : value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return value.toString();
  return undefined;
}

function list(values: readonly unknown[]): (string | number | boolean)[] {
  const out: (string | number | boolean)[] = [];
  for (let i = 0; i < values.length && out.length < MAX_ITEMS; i++) {
    const item = scalar(values[i]);
    if (item !== undefined) out.push(item);
  }
  return out;
}
