// faultline/testing in jest, for real: jest runs the project in jest-fixture/ (matchers registered
// by `import 'faultline/testing/jest'`, supertest and fetch against a faultline Express app) in a
// subprocess, and tsc checks the project's use of the matcher types with @jest/globals and with
// @types/jest.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixture = join(root, 'test/testing/jest-fixture');

interface JestReport {
  numPassedTests: number;
  numFailedTests: number;
  testResults: { name: string; assertionResults: { title: string; status: string; failureMessages: string[] }[] }[];
}

// oxlint-disable-next-line no-control-regex
const plain = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');

describe('jest', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'faultline-jest-'));
  let report: JestReport;
  beforeAll(() => {
    const outputFile = join(scratch, 'report.json');
    const run = spawnSync(process.execPath, [join(root, 'node_modules/jest/bin/jest.js'), '--config', join(fixture, 'jest.config.cjs'), '--json', `--outputFile=${outputFile}`, '--ci'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    // The fixture fails on purpose in failing.jest.ts, so jest exits 1; anything else is a broken run.
    if (run.status !== 1) throw new Error(`jest exited ${String(run.status)}: ${run.stderr}`);
    report = JSON.parse(readFileSync(outputFile, 'utf8')) as JestReport;
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  const results = (file: string) => report.testResults.find((r) => r.name.endsWith(file))?.assertionResults ?? [];

  it('the matchers pass where the responses are what was expected (@jest/globals and global expect)', () => {
    expect(results('pins.jest.ts').map((r) => [r.title, r.status])).toEqual([
      ['a 404 in problem details', 'passed'],
      ['issues and a machine code in error-message-code', 'passed'],
      ['.not', 'passed'],
      ['a 429 with Retry-After, and the body still readable', 'passed'],
    ]);
    expect(results('globals.jest.ts').map((r) => [r.title, r.status])).toEqual([['toBeFault and toMatchEnvelope', 'passed']]);
  });

  it('a failing toBeFault: the mismatched members and the body diffed in jest’s output', () => {
    const [fault] = results('failing.jest.ts');
    expect(fault?.status).toBe('failed');
    const message = plain(fault?.failureMessages.join('\n') ?? '');
    expect(message).toContain('expect(response).toBeFault(expected)');
    expect(message).toContain('status: expected 404, received 500');
    expect(message).toMatch(/-\s+"reason": "NOT_FOUND",\n\+\s+"reason": "INTERNAL_SERVER_ERROR",/);
  });

  it('a failing toMatchEnvelope: what breaks the schema, and the body', () => {
    const [, envelope] = results('failing.jest.ts');
    expect(envelope?.status).toBe('failed');
    const message = plain(envelope?.failureMessages.join('\n') ?? '');
    expect(message).toContain('content-type: expected "application/problem+json", received "application/json; charset=utf-8"');
    expect(message).toContain("(the body) must have required property 'detail'");
    expect(message).toContain('"reason": "NOT_FOUND"');
  });

  it('the matcher types check, and reject misuse (tsc on the fixture)', () => {
    const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(fixture, 'tsconfig.json')], { cwd: root, encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  });
});
