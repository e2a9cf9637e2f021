// Reading Fastify's router (and so Nest on platform-fastify) for the methods served at a path.
// Duck-typed: the core imports no framework. Lives in the kit because two adapters need it.

/** What is read of a Fastify instance: its methods, and its router's lookup of a concrete URL. */
export interface FastifyLike {
  readonly supportedMethods?: readonly string[];
  findRoute(options: { readonly method: string; readonly url: string }): unknown;
}

// Fastify 5's own list, for an instance that does not say.
const FASTIFY_METHODS: readonly string[] = ['GET', 'HEAD', 'TRACE', 'DELETE', 'OPTIONS', 'PATCH', 'PUT', 'POST', 'QUERY'];

/**
 * The methods Fastify's router serves at `url`: one `findRoute` per method Fastify knows (its
 * router keeps one tree per method; a method without routes answers at once). `HEAD` is found when
 * Fastify exposes head routes (its default).
 */
export function fastifyRouteMethods(instance: FastifyLike, url: string): string[] | undefined {
  if (typeof instance?.findRoute !== 'function') return undefined;
  const methods = Array.isArray(instance.supportedMethods) ? instance.supportedMethods : FASTIFY_METHODS;
  const found: string[] = [];
  for (const method of methods) {
    if (typeof method === 'string' && instance.findRoute({ method, url }) !== null) found.push(method);
  }
  return found;
}
