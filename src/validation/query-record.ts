/**
 * A URL's query string as the record a schema checks: one string per name, an array for a name given
 * more than once (`?tag=a&tag=b` → `{ tag: ['a', 'b'] }`), as Express's and Koa's parsers give it.
 * No prototype: `?__proto__=x` is a name like any other.
 */
export function queryRecord(url: string | URL): Record<string, string | string[]> {
  const query = Object.create(null) as Record<string, string | string[]>;
  for (const [key, value] of (typeof url === 'string' ? new URL(url) : url).searchParams) {
    const seen = query[key];
    query[key] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return query;
}
