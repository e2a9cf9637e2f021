/**
 * The path of an absolute URL, as the client sent it (still percent-encoded, as Express shows it),
 * without the query or fragment: `https://api.example.com/pins/42?x=1` → `/pins/42`. A `Request`'s
 * `url` is always absolute; read by hand, because a `new URL()` per error costs more than the rest
 * of the facts together.
 */
export function urlPath(url: string): string {
  const start = url.indexOf('/', url.indexOf('//') + 2);
  if (start === -1) return '/';
  let end = url.indexOf('?', start);
  const fragment = url.indexOf('#', start);
  if (fragment !== -1 && (end === -1 || fragment < end)) end = fragment;
  return end === -1 ? url.slice(start) : url.slice(start, end);
}
