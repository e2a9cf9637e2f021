/**
 * A machine code in kebab case, as it appears in a URI: `INSUFFICIENT_FUNDS` → `insufficient-funds`,
 * `rateLimited` → `rate-limited`, `HTTPTimeout` → `http-timeout`. The generated error reference
 * gives each code's entry this anchor, so a problem `type` URI made of a base and this slug lands on
 * the entry. Letters and digits (any script) joined by single hyphens; empty when the code has none.
 */
export function codeSlug(code: string): string {
  return code
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '')
    .join('-')
    .toLowerCase();
}
