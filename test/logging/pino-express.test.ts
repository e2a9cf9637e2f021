// Real pino writing into a captured stream, through real Express and pino-http over HTTP: what a
// pino user's logs hold for a 5xx and a 4xx, and that no client CR/LF forges a line.
import type { Server } from 'node:http';
import express from 'express';
import { pinoHttp } from 'pino-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorHandler } from '../../adapters/express/index.js';
import { logErrors } from '../../src/index.js';
import { loggedApp } from '../../examples/logging/pino-express.js';
import { listen, request } from '../support/http.js';
import { capturePino, type CapturedPino } from './log-capture.js';

const CRLF = /[\r\n\u2028\u2029\u0085]/;

describe('examples/logging/pino-express.ts: pino-http + logErrors over HTTP', () => {
  let app: { url: string; close: () => Promise<void> };
  let log: CapturedPino;
  beforeAll(async () => {
    log = capturePino();
    app = await listen(loggedApp(log.logger).listen(0, '127.0.0.1') as Server);
  });
  afterAll(() => app.close());

  it('a 5xx: one line at level 50 with the stack and the whole cause chain; the client sees none of it', async () => {
    log.lines.length = 0;
    const res = await request(`${app.url}/report`, { headers: { 'x-request-id': 'rep-1' } });
    expect(res.status).toBe(500);
    expect(res.text).not.toContain('Report store unavailable');
    const [entry, ...more] = log.faultlineEntries();
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      level: 50,
      msg: 'Report store unavailable',
      status: 500,
      code: 'INTERNAL_SERVER_ERROR',
      method: 'GET',
      path: '/report',
      requestId: 'rep-1',
    });
    const error = entry?.error as { type: string; message: string; stack: string; causes: { type: string; message: string; stack: string }[] };
    expect(error.type).toBe('Error');
    expect(error.stack).toMatch(/^Error: Report store unavailable\n {4}at /);
    expect(error.causes.map((c) => c.message)).toEqual(['query failed', 'connect ECONNREFUSED 127.0.0.1:5432']);
    expect(error.causes[1]?.stack).toMatch(/^Error: connect ECONNREFUSED 127\.0\.0\.1:5432\n {4}at /);
  });

  it("the request id is pino-http's req.id, the one on its own line and the response", async () => {
    log.lines.length = 0;
    const res = await request(`${app.url}/pins/7`);
    const generated = res.headers.get('x-request-id');
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);
    const [entry] = log.faultlineEntries();
    expect(entry?.requestId).toBe(generated);
    // pino-http's "request completed" line for the same request carries the same id.
    const completed = log.entries().find((e) => e.msg === 'request completed') as { req: { id: string } } | undefined;
    expect(completed?.req.id).toBe(generated);
  });

  it('a 4xx: level 40, no stack or error detail; CR/LF from the client is escaped, never a line break', async () => {
    log.lines.length = 0;
    const res = await request(`${app.url}/pins/7%0D%0A%7B%22level%22%3A50%7D%E2%80%A8x`, { headers: { 'x-request-id': 'pin-7' } });
    expect(res.status).toBe(404);
    const [entry, ...more] = log.faultlineEntries();
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ level: 40, status: 404, code: 'NOT_FOUND', requestId: 'pin-7' });
    expect(entry?.error).toBeUndefined();
    // JSON would escape a raw CR/LF too; what matters is the value a log viewer shows.
    expect(entry?.msg).toBe('No pin 7\\r\\n{"level":50}\\u2028x');
    for (const value of [entry?.msg, entry?.path, entry?.code, entry?.method, entry?.requestId]) {
      expect(value).not.toMatch(CRLF);
    }
  });
});

describe('Express + pino-http with its default ids (numbers)', () => {
  let app: { url: string; close: () => Promise<void> };
  let log: CapturedPino;
  beforeAll(async () => {
    log = capturePino();
    const server = express();
    server.use(pinoHttp({ logger: log.logger }));
    server.get('/gone', () => {
      throw Object.assign(new Error('Gone for good'), { status: 410 });
    });
    server.use(errorHandler({ onError: logErrors(log.logger, { clientErrors: 'info' }) }));
    app = await listen(server.listen(0, '127.0.0.1') as Server);
  });
  afterAll(() => app.close());

  it("reports pino-http's numeric req.id as a string, over the client's header; 4xx at the configured level (30)", async () => {
    log.lines.length = 0;
    await request(`${app.url}/gone`, { headers: { 'x-request-id': 'client-said' } });
    const completed = log.entries().find((e) => e.msg === 'request completed') as { req: { id: number } } | undefined;
    expect(completed?.req.id).toBeTypeOf('number');
    const [entry] = log.faultlineEntries();
    expect(entry).toMatchObject({ level: 30, status: 410, msg: 'Gone for good', requestId: String(completed?.req.id) });
  });
});
