/** Escapes one reference token of a JSON pointer (RFC 6901 §3: `~` → `~0`, `/` → `~1`). */
export function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Splits a JSON pointer into its unescaped reference tokens (`/a~1b/0` → `['a/b', '0']`). */
export function pointerTokens(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Joins a parent pointer and one more (unescaped) token. */
export function childPointer(parent: string, token: string): string {
  return `${parent}/${escapePointerToken(token)}`;
}

// RFC 6901: empty, or `/`-separated tokens in which `~` appears only as `~0` or `~1`.
const JSON_POINTER = /^(\/([^~/]|~[01])*)*$/;

/** True for a well-formed JSON pointer (RFC 6901). */
export function isJsonPointer(value: string): boolean {
  return JSON_POINTER.test(value);
}
