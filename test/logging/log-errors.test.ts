// logErrors with a real pino logger, driven through the core's `handle` (what every adapter calls):
// the cases HTTP cannot carry (a CR/LF in a path, hostile thrown values) and the setup checks.
import { describe, expect, it } from 'vitest';
import { createFaultline, errors, logErrors, type FaultlineOptions } from '../../src/index.js';
import { MAX_CAUSES } from '../../src/kit.js';
import { type TextLogger } from '../../src/logging/index.js';
import { THROW_SCENARIOS } from '../scenarios/throwables.js';
import { capturePino } from './log-capture.js';

const CRLF = /[\r\n\u2028\u2029\u0085]/;

function handleWith(onError: FaultlineOptions['onError'], thrown: unknown, path = '/x', id?: string) {
  return createFaultline({ onError }).handle(thrown, id === undefined ? { method: 'GET', path } : { method: 'GET', path, id });
}

describe('logErrors: one pino line per error', () => {
  it('escapes CR, LF and other controls in path, message, code and id (a proxy or router may hand over decoded text)', () => {
    const log = capturePino();
    handleWith(
      logErrors(log.logger),
      errors.badRequest('bad\r\nname', { code: 'BAD_INPUT' }),
      '/pins/a\r\n{"level":50,"msg":"forged"}\u0085\u2028',
      'id\n2',
    );
    expect(log.lines).toHaveLength(1);
    const [entry] = log.faultlineEntries();
    expect(entry).toMatchObject({
      level: 40,
      path: '/pins/a\\r\\n{"level":50,"msg":"forged"}\\u0085\\u2028',
      msg: 'bad\\r\\nname',
      requestId: 'id\\n2',
      code: 'BAD_INPUT',
    });
    for (const value of Object.values(entry ?? {})) if (typeof value === 'string') expect(value).not.toMatch(CRLF);
  });

  it("a message's line breaks are escaped inside the stack too; the frames stay one per line", () => {
    const log = capturePino();
    handleWith(logErrors(log.logger), new Error('lookup failed for "x\nERROR forged line"'));
    const [entry] = log.faultlineEntries();
    const stack = (entry?.error as { stack: string } | undefined)?.stack ?? '';
    const [first, ...frames] = stack.split('\n');
    expect(first).toBe('Error: lookup failed for "x\\nERROR forged line"');
    expect(frames.length).toBeGreaterThan(0);
    for (const frame of frames) expect(frame).toMatch(/^ {4}at /);
  });

  it('a hostile thrown value (a Proxy that throws on every trap) still gets its line', () => {
    const log = capturePino();
    const hostile = new Proxy({}, {
      get() { throw new Error('trap'); },
      getPrototypeOf() { throw new Error('trap'); },
      has() { throw new Error('trap'); },
      ownKeys() { throw new Error('trap'); },
      getOwnPropertyDescriptor() { throw new Error('trap'); },
    });
    const response = handleWith(logErrors(log.logger), hostile);
    expect(response.status).toBe(500);
    const [entry] = log.faultlineEntries();
    expect(entry).toMatchObject({ level: 50, status: 500, error: { type: 'Object' } });
  });

  it('a thrown string, a cyclic cause chain and an endless one', () => {
    const log = capturePino();
    const onError = logErrors(log.logger);
    handleWith(onError, 'text\nmore');
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    (a as { cause?: unknown }).cause = b;
    handleWith(onError, a);
    let deep: Error = new Error('root');
    for (let i = 0; i < 50; i++) deep = new Error(`level ${i}`, { cause: deep });
    handleWith(onError, deep);
    const [text, cyclic, endless] = log.faultlineEntries().map((e) => e.error as { type: string; message?: string; causes?: { message: string }[] });
    expect(text).toEqual({ type: 'string', message: 'text\\nmore' });
    expect(cyclic?.causes?.map((c) => c.message)).toEqual(['b']);
    expect(endless?.causes).toHaveLength(MAX_CAUSES);
  });

  it("follows pino's level at the time of the error, not at setup (pino swaps its methods)", () => {
    const log = capturePino();
    const onError = logErrors(log.logger);
    log.logger.level = 'error';
    handleWith(onError, errors.notFound());
    handleWith(onError, new Error('boom'));
    expect(log.faultlineEntries().map((e) => e.level)).toEqual([50]);
  });

  it('clientErrors: false leaves 4xx out; a bad option or a logger without the method fails at setup', () => {
    const log = capturePino();
    handleWith(logErrors(log.logger, { clientErrors: false }), errors.notFound());
    expect(log.lines).toEqual([]);
    const errorOnly = { error: () => undefined } as unknown as TextLogger;
    expect(() => logErrors(errorOnly, { format: 'text' })).toThrow(/warn method/);
    expect(() => logErrors(errorOnly, { format: 'text', clientErrors: false })).not.toThrow();
    expect(() => logErrors(log.logger, { clientErrors: 'loud' as never })).toThrow(TypeError);
  });

  it('every scenario of the adapter contract (hostile values included) gets exactly one line at the right level', () => {
    const log = capturePino();
    const onError = logErrors(log.logger);
    for (const scenario of THROW_SCENARIOS) {
      log.lines.length = 0;
      const response = handleWith(onError, scenario.thrown(), `/throw/${scenario.name}`);
      const entries = log.faultlineEntries();
      expect(entries, scenario.name).toHaveLength(1);
      expect(entries[0]).toMatchObject({ status: response.status, level: response.status >= 500 ? 50 : 40 });
      expect(entries[0]?.error !== undefined, scenario.name).toBe(response.status >= 500);
    }
  });
});
