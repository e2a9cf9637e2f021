/**
 * A request header as Node and most frameworks hold it (`string`, `string[]` for a repeated field,
 * absent) as one field value: repeated fields joined by ", " (RFC 9110 §5.3).
 */
export function headerText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.join(', ');
  return undefined;
}
