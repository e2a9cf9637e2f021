import type { CompiledSchema } from './ajv-like.js';

/**
 * The largest body (in JSON values: each object, array, string, number…) validated a second time
 * to list every problem in it. ajv's `allErrors` makes one error object per invalid value, so its
 * cost grows with the body: 1,000,000 invalid array items take seconds and 150 MB of heap. A body
 * this small lists at most a few thousand, whatever the schema; a larger one reports its first problem.
 */
export const MAX_LISTED_VALUES = 1000;

/**
 * A body validator whose cost is bounded by the body's size, not by how many problems it holds. A
 * body of at most `maxValues` values (counted first, a walk that stops at `maxValues + 1`) is
 * checked once, by the listing function (`allErrors`), so a client sees every problem of a form at
 * once; a larger one by the fail-fast function (ajv without `allErrors`), which stops at its first
 * problem. Both compile the same schema and agree on every verdict; only the lists differ.
 */
export function withListing(failFast: CompiledSchema, listing: () => CompiledSchema, maxValues: number = MAX_LISTED_VALUES): CompiledSchema {
  let all: CompiledSchema | undefined;
  const checked: CompiledSchema = (data: unknown): unknown => {
    const check = fewerValuesThan(data, maxValues + 1) ? (all ??= listing()) : failFast;
    const verdict = check(data);
    checked.errors = check.errors;
    return verdict;
  };
  return checked;
}

/** True when `data` holds fewer than `limit` JSON values; never walks more than `limit` of them. */
export function fewerValuesThan(data: unknown, limit: number): boolean {
  const stack: unknown[] = [data];
  let count = 0;
  while (stack.length > 0) {
    if (++count >= limit) return false;
    const value = stack.pop();
    if (value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length && stack.length < limit; i++) stack.push(value[i]);
      continue;
    }
    for (const key in value) {
      if (stack.length >= limit) break;
      if (Object.hasOwn(value, key)) stack.push((value as Record<string, unknown>)[key]);
    }
  }
  return true;
}
