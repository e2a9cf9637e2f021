import type { Context, Hono } from 'hono';

/** One entry of Hono's router: the handler and the route it was added as. */
type RouterEntry = readonly [unknown, { readonly method?: unknown }];

/** What is read of a Hono app: its route list and its router (shared with `basePath()` and `route()` apps). */
export type HonoAppLike = Pick<Hono, 'routes' | 'router'>;

// `use()` and `all()` add routes for every method: they name none a 405 could list.
const ALL = 'ALL';

const methodsByApp = new WeakMap<object, { readonly count: number; readonly methods: readonly string[] }>();

/**
 * The methods `app`'s routes serve at the request's path: for each method some route uses, one
 * match of Hono's own router (the one that routed the request), keeping the routes added for that
 * very method (`use()` middleware matches every method and serves none). The list of methods is
 * read again whenever routes were added since.
 */
export function honoRouteMethods(app: HonoAppLike, c: Context): string[] {
  const path = c.req.path;
  const found: string[] = [];
  for (const method of routeMethods(app)) {
    const [entries] = app.router.match(method, path) as unknown as [readonly (readonly [RouterEntry, unknown])[]];
    if (entries.some(([entry]) => entry[1]?.method === method)) found.push(method);
  }
  return found;
}

function routeMethods(app: HonoAppLike): readonly string[] {
  const cached = methodsByApp.get(app.routes);
  if (cached !== undefined && cached.count === app.routes.length) return cached.methods;
  const methods = new Set<string>();
  for (const route of app.routes) if (route.method !== ALL) methods.add(route.method);
  const entry = { count: app.routes.length, methods: [...methods] };
  methodsByApp.set(app.routes, entry);
  return entry.methods;
}
