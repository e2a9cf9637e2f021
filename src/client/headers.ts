/** What parses as response headers: a fetch `Headers` (or anything with `get`) or a plain record, any case. */
export type HeadersInput =
  | { get(name: string): string | null | undefined }
  | Readonly<Record<string, string | number | readonly string[] | undefined>>;

/** A case-insensitive reader over either form; a repeated field is joined as HTTP joins it (`, `). */
export function headerReader(headers: HeadersInput | undefined): (name: string) => string | undefined {
  if (headers === undefined || headers === null) return () => undefined;
  if (typeof (headers as { get?: unknown }).get === 'function') {
    const getter = headers as { get(name: string): string | null | undefined };
    return (name) => getter.get(name) ?? undefined;
  }
  const record = headers as Readonly<Record<string, string | number | readonly string[] | undefined>>;
  return (name) => {
    const wanted = name.toLowerCase();
    for (const key of Object.keys(record)) {
      if (key.toLowerCase() !== wanted) continue;
      const value = record[key];
      if (value === undefined) return undefined;
      return Array.isArray(value) ? value.join(', ') : String(value);
    }
    return undefined;
  };
}
