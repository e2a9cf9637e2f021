import type { H3Core, H3Event } from 'h3';

/** What is read of an h3 app: its route list, and its own lookup (`H3` asks its rou3 router). */
export type H3AppLike = Pick<H3Core, '~routes' | '~findRoute'>;

const methodsByRoutes = new WeakMap<object, { readonly count: number; readonly methods: readonly string[] }>();

/**
 * The methods `app`'s routes serve at `pathname` (the path h3 routed on, `event.url.pathname`):
 * for each method some route names, one lookup by the app's own `~findRoute`, the one that routed
 * the request (so params, `**` wildcards, trailing slashes and mounted sub-apps' routes match as
 * they did then), keeping a route added for that very method. `app.all()` routes name none; a
 * request they matched was not unmatched. The route list is read again when routes changed.
 */
export function h3RouteMethods(app: H3AppLike | undefined, pathname: string): string[] | undefined {
  if (typeof app?.['~findRoute'] !== 'function' || !Array.isArray(app['~routes'])) return undefined;
  const found: string[] = [];
  for (const method of routeMethods(app['~routes'])) {
    // `~findRoute` reads only the method and the path of the event it is given.
    const lookup = { req: { method }, url: { pathname } } as unknown as H3Event;
    if (app['~findRoute'](lookup)?.data.method === method) found.push(method);
  }
  return found;
}

function routeMethods(routes: H3AppLike['~routes']): readonly string[] {
  const cached = methodsByRoutes.get(routes);
  if (cached !== undefined && cached.count === routes.length) return cached.methods;
  const methods = new Set<string>();
  for (const route of routes) {
    // `app.all()` stores its routes with the method '' (h3's types do not say so).
    const method: unknown = route.method;
    if (typeof method === 'string' && method !== '') methods.add(method);
  }
  const entry = { count: routes.length, methods: [...methods] };
  methodsByRoutes.set(routes, entry);
  return entry.methods;
}
