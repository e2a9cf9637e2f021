// examples/logging/nest-logger.ts as a real Nest app over HTTP, its Logger writing through a
// LoggerService that records each call: what a Nest user's log receives for a 5xx and a 4xx.
import type { LoggerService } from '@nestjs/common';
import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggedNestApp } from '../../examples/logging/nest-logger.js';
import { request } from '../support/http.js';

interface Call {
  readonly level: 'log' | 'error' | 'warn' | 'debug' | 'verbose' | 'fatal';
  readonly message: unknown;
  readonly params: unknown[];
}

/** A LoggerService that keeps what Nest hands it: the app's logger, as `NestFactory.create({ logger })` installs it. */
class RecordingLogger implements LoggerService {
  readonly calls: Call[] = [];
  log(message: unknown, ...params: unknown[]): void {
    this.calls.push({ level: 'log', message, params });
  }
  error(message: unknown, ...params: unknown[]): void {
    this.calls.push({ level: 'error', message, params });
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.calls.push({ level: 'warn', message, params });
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.calls.push({ level: 'debug', message, params });
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.calls.push({ level: 'verbose', message, params });
  }
  /** faultline's calls: the ones in the `Faultline` context. */
  faultline(): Call[] {
    return this.calls.filter((call) => call.params.at(-1) === 'Faultline');
  }
}

describe("examples/logging/nest-logger.ts: Nest's Logger as faultline's logger", () => {
  const logger = new RecordingLogger();
  let app: INestApplication;
  let url: string;
  beforeAll(async () => {
    app = await loggedNestApp(logger);
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
  });
  afterAll(() => app.close());

  it('a 5xx: error level, one line, then the stack with each cause; the client sees none of it', async () => {
    logger.calls.length = 0;
    const res = await request(`${url}/report`, { headers: { 'x-request-id': 'rep-1' } });
    expect(res.status).toBe(500);
    expect(res.text).not.toContain('Report store');
    const [call, ...more] = logger.faultline();
    expect(more).toEqual([]);
    expect(call?.level).toBe('error');
    expect(call?.message).toBe('500 INTERNAL_SERVER_ERROR GET /report (request rep-1): Report store unavailable');
    const [stack, context] = call?.params ?? [];
    expect(context).toBe('Faultline');
    expect(stack).toMatch(/^Error: Report store unavailable\n {4}at /);
    const causes = String(stack).split('\n').filter((line) => line.startsWith('Caused by: '));
    expect(causes).toEqual(['Caused by: Error: query failed', 'Caused by: Error: connect ECONNREFUSED 127.0.0.1:5432']);
  });

  it('a 4xx: warn level, no stack; CR/LF the client put in the URL is escaped in the line', async () => {
    logger.calls.length = 0;
    const res = await request(`${url}/pins/7%0D%0AERROR%20forged`, { headers: { 'x-request-id': 'pin-7' } });
    expect(res.status).toBe(404);
    const [call, ...more] = logger.faultline();
    expect(more).toEqual([]);
    expect(call).toEqual({
      level: 'warn',
      message: '404 NOT_FOUND GET /pins/7%0D%0AERROR%20forged (request pin-7): No pin 7\\r\\nERROR forged',
      params: ['Faultline'],
    });
  });

  it('without X-Request-Id on Express there is no id to report, and the line says none', async () => {
    logger.calls.length = 0;
    await request(`${url}/pins/8`);
    expect(logger.faultline()[0]?.message).toBe('404 NOT_FOUND GET /pins/8: No pin 8');
  });
});
