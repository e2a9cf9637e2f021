import type { Context } from 'koa';

/** What `@koa/router` leaves on the context: every layer whose path matched, whatever its methods. */
interface MatchedLayer {
  readonly methods?: readonly unknown[];
}

/**
 * The methods the app's `@koa/router` routers serve at the request's path. Each router that ran
 * stored the layers matching the path in `ctx.matched` (what its own `allowedMethods()` reads), so
 * nothing is matched again. Without `@koa/router` Koa has no routes to read: a 404.
 */
export function koaRouteMethods(ctx: Context): string[] | undefined {
  const matched: unknown = (ctx as { matched?: unknown }).matched;
  if (!Array.isArray(matched)) return undefined;
  const methods: string[] = [];
  for (const layer of matched as readonly MatchedLayer[]) {
    for (const method of layer?.methods ?? []) if (typeof method === 'string') methods.push(method);
  }
  return methods;
}
