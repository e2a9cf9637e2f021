// faultline for Fastify 5: read the request, call the core, write the reply.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  createFaultline,
  describeThrown,
  fastifyRouteMethods,
  rememberRouteMethods,
  routeNotFound,
  preparedBody,
  isStaleHeader,
  withExistingVary,
  type ErrorResponse,
  type Fault,
  type Faultline,
  type FaultlineOptions,
  type RequestFacts,
} from '../../src/kit.js';
import { facts, pathOf } from './request-facts.js';

export type { FaultlineOptions } from '../../src/kit.js';
export { validate, type FastifyValidateHook, type RequestSchemas, type SchemaOutput, type ValidateOptions } from './validate.js';
export { ipKey, rateLimit, type FastifyRateLimitOptions } from './rate-limit.js';

/** A Fastify plugin function, marked to skip encapsulation. */
export type FaultlinePlugin = ((instance: FastifyInstance, options: unknown, done: (error?: Error) => void) => void) & {
  [key: symbol]: unknown;
};

/**
 * The plugin: `await app.register(errorHandler(options))`. It installs Fastify's error handler and
 * not-found handler on the instance it is registered on: it skips Fastify's encapsulation (as
 * `fastify-plugin` does), so registered on the root it covers every route.
 */
export function errorHandler(options?: FaultlineOptions): FaultlinePlugin {
  const faultline = createFaultline(options, logLikeFastify);
  const plugin = ((instance: FastifyInstance, _options: unknown, done: (error?: Error) => void) => {
    const routeMethods = routeMethodsOnceStarted(instance);
    instance.setErrorHandler((error: FastifyError, request, reply) => handleError(faultline, error, request, reply));
    instance.setNotFoundHandler((request, reply) => handleError(faultline, unmatched(routeMethods, request), request, reply));
    done();
  }) as FaultlinePlugin;
  plugin[Symbol.for('skip-override')] = true;
  plugin[Symbol.for('fastify.display-name')] = 'faultline';
  return plugin;
}

/** A not-found handler on its own, for `app.setNotFoundHandler(notFound(options))` in a scope. */
export function notFound(options?: FaultlineOptions): (request: FastifyRequest, reply: FastifyReply) => void {
  const faultline = createFaultline(options, logLikeFastify);
  return (request, reply) => handleError(faultline, unmatched((path) => fastifyRouteMethods(request.server, path), request), request, reply);
}

type RouteMethods = (path: string) => readonly string[] | undefined;

/**
 * The methods Fastify's router serves at a path, remembered by path once the instance has started:
 * Fastify refuses a new route from then on, so what was read stays true, and a path asked for again
 * (a scanner's, a client's retry, a health check on the wrong method) skips the nine lookups.
 */
function routeMethodsOnceStarted(instance: FastifyInstance): RouteMethods {
  let started = false;
  instance.addHook('onReady', (done) => {
    started = true;
    done();
  });
  const read: RouteMethods = (path) => fastifyRouteMethods(instance, path);
  const remembered = rememberRouteMethods(read);
  return (path) => (started ? remembered(path) : read(path));
}

/** The unmatched route's error: a 404, or a 405 when Fastify's router serves the path for other methods. */
function unmatched(routeMethods: RouteMethods, request: FastifyRequest): Error {
  const path = pathOf(request);
  return routeNotFound(request.method, path, () => routeMethods(path));
}

function handleError(faultline: Faultline<FastifyReply>, error: unknown, request: FastifyRequest, reply: FastifyReply): void {
  if (reply.sent || reply.raw.headersSent) {
    // Nothing can be corrected once the status line is out: end the connection, send nothing twice.
    reply.raw.destroy();
    return;
  }
  const known = facts(request);
  const response = faultline.handle(error, known, reply);
  if (known.aborted?.() === true) {
    // The client has gone (an aborted upload): `onError` was told (499); nothing is written.
    void reply.hijack();
    reply.raw.destroy();
    return;
  }
  write(reply, response);
}

/** Fastify's default error handler logs a 5xx so: `reply.log.error({ req, res, err }, message)`. */
function logLikeFastify(thrown: unknown, _fault: Fault, _request: RequestFacts, reply: FastifyReply): void {
  reply.log.error({ req: reply.request, res: reply, err: thrown }, describeThrown(thrown).message ?? '');
}


function write(reply: FastifyReply, response: ErrorResponse): void {
  // One read of what is set (usually nothing) instead of a removeHeader per stale name.
  const current = reply.getHeaders();
  for (const name in current) if (isStaleHeader(name)) reply.removeHeader(name);
  reply.code(response.status);
  reply.headers(withExistingVary(response.headers, current['vary']));
  // Bytes, because Fastify appends `; charset=utf-8` to the content type of a string payload.
  void reply.send(response.body === null ? undefined : (preparedBody(response) ?? Buffer.from(response.body)));
}
