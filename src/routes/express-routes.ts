// Reading an Express router (4 or 5, and so Nest on platform-express) for the methods served at a
// path. Duck-typed: the core imports no framework. Lives in the kit because two adapters need it.

/** What is read of one layer of an Express router's stack. */
interface LayerLike {
  readonly route?: { readonly methods?: Readonly<Record<string, unknown>> };
  readonly handle?: unknown;
  /** Express 5: a match object with the matched `path`, or false. Express 4: a boolean, `path` set on the layer. */
  match(path: string): unknown;
  readonly path?: unknown;
}

interface RouterLike {
  readonly stack: readonly LayerLike[];
}

/** What is read of an Express app: its router, and where it is mounted when it is a sub-app. */
export interface ExpressAppLike {
  readonly _router?: unknown;
  readonly router?: unknown;
  readonly mountpath?: unknown;
  readonly parent?: unknown;
}

// Nested routers deeper than this are not followed: a router mounted in itself would never end.
const MAX_DEPTH = 8;

function isRouter(value: unknown): value is RouterLike {
  return (typeof value === 'function' || (typeof value === 'object' && value !== null)) && Array.isArray((value as { stack?: unknown }).stack);
}

/** The app's router: `app._router` on Express 4 (whose `app.router` throws), `app.router` on Express 5. */
function routerOf(app: ExpressAppLike): RouterLike | undefined {
  if (isRouter(app._router)) return app._router;
  try {
    return isRouter(app.router) ? app.router : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The methods the app's routes serve at `path` (the request's pathname, still percent-encoded as
 * Express matches it), following routers mounted with `app.use('/v1', router)`. Each route layer's
 * own matcher decides, so parameters, `strict` and `caseSensitive` apply as when Express routed the
 * request. `.all()` routes name no method: one that matched passed the request on, or it would
 * not be unmatched (Nest's not-found handler is such a route). A sub-app's routes are not visible
 * from its parent (Express keeps no reference to it); a `notFound()` inside the sub-app sees them.
 */
export function expressRouteMethods(app: ExpressAppLike, path: string): string[] | undefined {
  const router = routerOf(app);
  if (router === undefined) return undefined;
  const relative = withinMount(app, path);
  if (relative === undefined) return undefined;
  const methods: string[] = [];
  collect(router, relative, methods, 0);
  return methods;
}

function collect(router: RouterLike, path: string, into: string[], depth: number): void {
  for (const layer of router.stack) {
    let matched: unknown;
    try {
      matched = layer.match(path);
    } catch {
      // Express skips a layer whose matcher throws (a malformed percent-encoding) the same way.
      continue;
    }
    if (matched === false || matched === undefined || matched === null) continue;
    const route = layer.route;
    if (route !== undefined) {
      const methods = route.methods ?? {};
      for (const name of Object.keys(methods)) if (name !== '_all' && methods[name] === true) into.push(name);
    } else if (depth < MAX_DEPTH && isRouter(layer.handle)) {
      const prefix = typeof matched === 'object' ? (matched as { path?: unknown }).path : layer.path;
      if (typeof prefix !== 'string') continue;
      const rest = path.slice(prefix.length);
      if (rest !== '' && rest[0] !== '/') continue;
      collect(layer.handle, rest === '' ? '/' : rest, into, depth + 1);
    }
  }
}

/** The path relative to a mounted sub-app (`parent.use('/v1', app)`), or the path itself for the root app. */
function withinMount(app: ExpressAppLike, path: string): string | undefined {
  let prefix = '';
  let current: ExpressAppLike | undefined = app;
  for (let depth = 0; current?.parent !== undefined && depth < MAX_DEPTH; depth++) {
    const mount = current.mountpath;
    // A mount by pattern or by several paths cannot be undone here: no guess, no 405.
    if (typeof mount !== 'string' || /[*:?()[\]]/.test(mount)) return undefined;
    prefix = (mount === '/' ? '' : mount) + prefix;
    current = current.parent as ExpressAppLike;
  }
  if (prefix === '') return path;
  if (!path.startsWith(prefix) || (path.length > prefix.length && path[prefix.length] !== '/')) return undefined;
  return path.length === prefix.length ? '/' : path.slice(prefix.length);
}
