import { encodePath, getLoosePath } from 'elysia/utils';

/** Elysia's lookup of a dynamic path (its Memoirist router): the route's store, or null. */
interface PathRouter {
  find(method: string, path: string): unknown;
}

/** What is read of an Elysia app: its routes, its routers, and how it was configured to match. */
export interface ElysiaAppLike {
  readonly config: { readonly aot?: boolean; readonly strictPath?: boolean };
  readonly router: {
    readonly history: readonly { readonly method: string }[];
    /** Static paths (no `:param`, no `*`): path → method → route index. */
    readonly static: Readonly<Record<string, Readonly<Record<string, number>> | undefined>>;
    /** The compiled (AOT) app's router of dynamic paths. */
    readonly http: PathRouter;
    /** The router of an app made with `aot: false`, which holds every path. */
    readonly dynamic: PathRouter;
  };
}

// `.all()` routes serve every method and name none; `ws()` routes answer a GET upgrade only.
const NOT_A_METHOD: ReadonlySet<string> = new Set(['ALL', 'WS']);

const methodsByHistory = new WeakMap<object, { readonly count: number; readonly methods: readonly string[] }>();

/**
 * The methods `app`'s routes serve at `path` (the request's path as Elysia matched it, still
 * percent-encoded). Asked of Elysia's own tables, per method some route uses, in the order its
 * compiled handler asks them: the static paths (each also under its loose form, with or without
 * the trailing slash unless `strictPath`, and its percent-encoded form), then the router of
 * dynamic paths (`:param`, `*`); an `aot: false` app keeps every path in that router.
 */
export function elysiaRouteMethods(app: ElysiaAppLike, path: string): string[] {
  const { router, config } = app;
  const found: string[] = [];
  const methods = routeMethods(router.history);
  if (methods.length === 0) return found;
  const aot = config.aot !== false;
  const statics = aot ? staticRoutes(router.static, path, config.strictPath === true) : undefined;
  for (const method of methods) {
    if (statics?.[method] !== undefined) found.push(method);
    else if ((aot ? router.http : router.dynamic).find(method, path) !== null) found.push(method);
  }
  return found;
}

/** The static routes at `path`: the entry whose path, loose path or encoded path it is. */
function staticRoutes(table: ElysiaAppLike['router']['static'], path: string, strict: boolean): Readonly<Record<string, number>> | undefined {
  const own = table[path] ?? (strict ? undefined : table[getLoosePath(path)]);
  if (own !== undefined || !path.includes('%')) return own;
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return undefined;
  }
  return encodePath(decoded) === path ? table[decoded] : undefined;
}

function routeMethods(history: ElysiaAppLike['router']['history']): readonly string[] {
  const cached = methodsByHistory.get(history);
  if (cached !== undefined && cached.count === history.length) return cached.methods;
  const methods = new Set<string>();
  for (const route of history) if (typeof route.method === 'string' && !NOT_A_METHOD.has(route.method)) methods.add(route.method);
  const entry = { count: history.length, methods: [...methods] };
  methodsByHistory.set(history, entry);
  return entry.methods;
}
