import { STATUS_CODES, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The variants every framework server can run: one error handler each. */
export type ErrorVariant = 'faultline' | 'http-errors' | 'stackless';

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

/** The headers of the hand-written handlers: the same ones faultline sends. */
export const HAND_HEADERS = { 'content-type': 'application/problem+json', 'cache-control': 'no-store' } as const;

/** The body of a minimal hand-written problem-details handler: the bytes faultline writes for a 404. */
export function handBody(thrown: unknown): { status: number; body: string } {
  const raw = (thrown as { status?: unknown }).status;
  const status = typeof raw === 'number' && raw >= 400 && raw <= 599 ? raw : 500;
  const title = STATUS_CODES[status] ?? 'Error';
  const message = (thrown as { message?: unknown }).message;
  const detail = status < 500 && typeof message === 'string' ? message : title;
  return { status, body: JSON.stringify({ type: 'about:blank', title, status, detail }) };
}

/** The variant this process serves, from argv; the benchmark forks one process per variant. */
export function variantArg<V extends string>(allowed: readonly V[]): V {
  const value = process.argv[2];
  if (!allowed.includes(value as V)) throw new Error(`server: variant must be one of ${allowed.join(', ')}, got ${value}`);
  return value as V;
}

/** Tells the parent which port the server listens on (127.0.0.1, chosen by the OS). */
export function announce(server: Server): void {
  const { port } = server.address() as AddressInfo;
  process.send?.({ port });
}

export const LOCALHOST = '127.0.0.1';
