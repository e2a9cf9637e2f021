import { expressRouteMethods, fastifyRouteMethods, type ExpressAppLike, type FastifyLike } from '../../src/kit.js';

/**
 * The methods the app's routes serve at `path`, read from the platform's router: Fastify's
 * (`request.server`) on platform-fastify, Express's (`req.app`) on platform-express, where Nest
 * registers every controller route.
 */
export function nestRouteMethods(req: unknown, path: string): string[] | undefined {
  if (typeof req !== 'object' || req === null) return undefined;
  const { server, app } = req as { server?: unknown; app?: unknown };
  if (typeof server === 'object' && server !== null && typeof (server as FastifyLike).findRoute === 'function') {
    return fastifyRouteMethods(server as FastifyLike, path);
  }
  if (typeof app === 'function' || (typeof app === 'object' && app !== null)) return expressRouteMethods(app as ExpressAppLike, path);
  return undefined;
}
