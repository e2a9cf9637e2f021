import { STATUS_CODES, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The variants every framework server can run: one error handler each, or the direct write. */
export type ErrorVariant = 'faultline' | 'http-errors' | 'stackless' | 'direct';
export const ERROR_VARIANTS: readonly ErrorVariant[] = ['faultline', 'http-errors', 'stackless', 'direct'];

/** What a careful hand-written error class does: an Error subclass that captures no stack. */
export class StacklessError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
    this.status = status;
  }
}

/**
 * The headers of every server of a group: the ones faultline sends for a 404 (`Vary: Accept`
 * because it negotiates `application/json` for clients that prefer it). The benchmark checks that
 * every server answers with exactly these, so no server is faster for sending less.
 */
export const HAND_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'application/problem+json',
  'cache-control': 'no-store',
  vary: 'Accept',
};

/** The body of a minimal hand-written problem-details handler: the bytes faultline writes for a 404. */
export function handBody(thrown: unknown): { status: number; body: string } {
  const raw = (thrown as { status?: unknown }).status;
  const status = typeof raw === 'number' && raw >= 400 && raw <= 599 ? raw : 500;
  const title = STATUS_CODES[status] ?? 'Error';
  const message = (thrown as { message?: unknown }).message;
  const detail = status < 500 && typeof message === 'string' ? message : title;
  return { status, body: JSON.stringify({ type: 'about:blank', title, status, detail }) };
}

/**
 * The direct write: what a route that answers the 404 itself (no throw) sends, prepared once, as
 * cheaply as each framework allows: the body as a string where Node then sends it in one write
 * with the head (Express, Hono on node-server: measured cheaper than bytes), as a Buffer with its
 * length where a string would change it (Fastify adds a charset) or costs the same (Koa).
 */
export const DIRECT = (() => {
  const text = handBody(new StacklessError(404, 'Not Found')).body;
  const bytes = Buffer.from(text);
  return { status: 404, text, bytes, headers: { ...HAND_HEADERS, 'content-length': String(bytes.length) } as Readonly<Record<string, string>> };
})();

/** The error a route throws, per variant (the direct variant throws nothing). */
export function thrower(variant: Exclude<ErrorVariant, 'direct'>, faultline: () => unknown, httpErrors: () => unknown): () => unknown {
  if (variant === 'faultline') return faultline;
  if (variant === 'http-errors') return httpErrors;
  return () => new StacklessError(404, 'Not Found');
}

/**
 * `--after-lookup`: the route first awaits a lookup (one turn of the event loop, as an answer from a
 * database or a cache takes), then throws or writes. Without it the route throws or writes at once,
 * in the turn that parsed the request.
 */
export const AFTER_LOOKUP = process.argv.includes('--after-lookup');

/** Runs `body` once the lookup has answered: a throw in it rejects the returned promise. */
export async function afterLookup<T>(body: () => T): Promise<T> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  return body();
}

/** The variant this process serves, from argv; the benchmark starts one process per variant. */
export function variantArg<V extends string>(allowed: readonly V[]): V {
  const value = process.argv[2];
  if (!allowed.includes(value as V)) throw new Error(`server: variant must be one of ${allowed.join(', ')}, got ${value}`);
  return value as V;
}

/** What the parent asks a server between runs, and what the server answers. */
export const CPU_QUERY = 'cpu';
export interface CpuAnswer {
  /** `process.cpuUsage()`: user and system CPU time of the whole process (every thread), in µs. */
  readonly cpu: { readonly user: number; readonly system: number };
}

/**
 * Tells the parent which port the server listens on (127.0.0.1, chosen by the OS), then answers its
 * CPU queries: the benchmark reads the CPU time a server spent over each run, because its rps stops
 * measuring the server once the load generator saturates its own core (about 25,000 rps here).
 */
export function announce(server: Server): void {
  const { port } = server.address() as AddressInfo;
  process.send?.({ port });
  process.on('message', (message) => {
    if (message === CPU_QUERY) process.send?.({ cpu: process.cpuUsage() } satisfies CpuAnswer);
  });
  // A benchmark that is stopped (Ctrl-C, a timeout) must not leave its servers running.
  process.once('disconnect', () => process.exit(0));
}

export const LOCALHOST = '127.0.0.1';
