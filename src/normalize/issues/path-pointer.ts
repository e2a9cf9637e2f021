import { escapePointerToken } from '../../fault/json-pointer.js';
import { read } from '../read.js';

/**
 * A JSON pointer from a schema library's issue path: Standard Schema's `(PropertyKey | { key })[]`
 * (zod's `['pins', 0, 'cid']`, valibot's `[{ key: 'pins' }, …]`, arktype's). A symbol, or anything
 * else that names no member of a JSON document, ends the pointer at its parent: it still points
 * at a real place, only less precisely. Undefined when `path` is not a list.
 */
export function pointerFromPath(path: unknown): string | undefined {
  if (!Array.isArray(path)) return undefined;
  let pointer = '';
  for (let i = 0; i < path.length && i < 64; i++) {
    const segment: unknown = path[i];
    const key = segment !== null && typeof segment === 'object' ? read(segment, 'key') : segment;
    if (typeof key === 'string') pointer += `/${escapePointerToken(key)}`;
    else if (typeof key === 'number' && Number.isSafeInteger(key) && key >= 0) pointer += `/${key}`;
    else break;
    if (pointer.length > 1024) break;
  }
  return pointer;
}

/** The value at `path` in `data`, and whether its parent object has the key (a missing member). */
export function lookUp(data: unknown, path: unknown): { readonly parent: unknown; readonly key: PropertyKey | undefined } {
  if (!Array.isArray(path) || path.length === 0) return { parent: undefined, key: undefined };
  let node = data;
  for (let i = 0; i < path.length - 1; i++) {
    const segment: unknown = path[i];
    const key = segment !== null && typeof segment === 'object' ? read(segment, 'key') : segment;
    node = read(node, key as PropertyKey);
  }
  const last: unknown = path[path.length - 1];
  const key = last !== null && typeof last === 'object' ? read(last, 'key') : last;
  return { parent: node, key: key as PropertyKey };
}

/** True when the issue is about a member the request left out: its parent is an object without it. */
export function isMissingMember(data: unknown, path: unknown): boolean {
  const { parent, key } = lookUp(data, path);
  if (key === undefined || parent === null || typeof parent !== 'object' || Array.isArray(parent)) return false;
  try {
    return !Object.hasOwn(parent, key);
  } catch {
    return false;
  }
}
