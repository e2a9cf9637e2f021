// Heap after forced GC over 1,000,000 error responses, through the core and through the Express
// adapter: a leak (a cache keyed by message, a listener per request) shows as growth.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { NextFunction, Request, Response } from 'express';
import { errorHandler } from '../adapters/express/index.js';
import { createFaultline, errors, HttpError } from '../src/index.js';
import { ratio } from './stats.js';
import { table } from './table.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const TOTAL = Number(process.env.FAULTLINE_BENCH_MEMORY_TOTAL ?? 1_000_000);
const CHECKPOINTS = 4;

// Every request a different message, path and request id: whatever is cached per value would grow.
function thrownAt(i: number): unknown {
  switch (i % 4) {
    case 0:
      return errors.notFound(`No pin ${i}`);
    case 1:
      return new Error(`db-7 refused connection ${i}`);
    case 2:
      return errors.badRequest('Invalid request', { issues: [{ location: 'body', pointer: `/pins/${i % 1000}/cid`, keyword: 'type', message: 'must be string' }] });
    default:
      return new HttpError(429, undefined, { retryAfter: i % 60 });
  }
}

function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

interface Series {
  readonly name: string;
  /** Heap in bytes after GC: before the run (after a warm-up), then at each checkpoint. */
  readonly heap: readonly number[];
}

function series(name: string, step: (i: number) => void): Series {
  for (let i = 0; i < 20_000; i++) step(i);
  const heap = [heapAfterGc()];
  const per = TOTAL / CHECKPOINTS;
  for (let checkpoint = 1; checkpoint <= CHECKPOINTS; checkpoint++) {
    for (let i = (checkpoint - 1) * per; i < checkpoint * per; i++) step(i);
    heap.push(heapAfterGc());
  }
  return { name, heap };
}

function throughCore(): Series {
  const faultline = createFaultline({ onError: () => {} });
  let bytes = 0;
  const result = series('faultline.handle', (i) => {
    bytes += faultline.handle(thrownAt(i), { method: 'GET', path: `/pins/${i}`, id: `req-${i}` }).body?.length ?? 0;
  });
  if (bytes === 0) throw new Error('bench bug: no bodies');
  return result;
}

/** The least of a response the adapter writes to; nothing is kept between requests. */
function fakeResponse(): { res: Response; written: () => number } {
  let length = 0;
  const res = {
    headersSent: false,
    statusCode: 200,
    removeHeader() {},
    setHeader() {
      return res;
    },
    end(body?: string) {
      length += body?.length ?? 0;
      return res;
    },
  };
  return { res: res as unknown as Response, written: () => length };
}

const next: NextFunction = () => {
  throw new Error('bench bug: the adapter passed the error on');
};

function throughExpress(): Series {
  // What this measures is the error path's memory, not a console: the default logging of the
  // hidden 500s (a quarter of the series) is off.
  const handler = errorHandler({ logUnexpected: false });
  let written = 0;
  const result = series('Express errorHandler()', (i) => {
    const id = `req-${i}`;
    const req = { method: 'GET', originalUrl: `/pins/${i}?q=1`, url: `/pins/${i}?q=1`, get: (name: string) => (name === 'x-request-id' ? id : undefined) };
    const { res, written: length } = fakeResponse();
    handler(thrownAt(i), req as unknown as Request, res, next);
    written += length();
  });
  if (written === 0) throw new Error('bench bug: nothing written');
  return result;
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

export function memoryTable(all: readonly Series[]): string {
  return table(
    ['heap after GC', 'start', ...Array.from({ length: CHECKPOINTS }, (_, i) => `${((TOTAL / CHECKPOINTS) * (i + 1)).toLocaleString('en')}`), 'end ÷ start'],
    all.map((s) => [s.name, ...s.heap.map(mb), ratio((s.heap.at(-1) as number) / (s.heap[0] as number))]),
  );
}

console.log(`memory: ${TOTAL.toLocaleString('en')} error responses each (404, hidden 500, validation, 429 in turn)`);
console.log(memoryTable([throughCore(), throughExpress()]));
