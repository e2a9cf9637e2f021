// The fresh-machine promise of `npm test`: a run that needs a program this machine lacks either
// installs it or stops before any test with one line saying what to install. Proved by running
// vitest itself, with this repository's config, on a PATH that holds nothing.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { aptInstaller, importsAny, locate, missingLine, SERVICES, servicePath, type Service } from './services.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'faultline-services-'));
const emptyPath = join(scratch, 'empty-path');
mkdirSync(emptyPath);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const redis = SERVICES.find((s) => s.binary === 'redis-server') as Service;

/** `vitest run <files>` as `npm test` runs it, with only the given environment. */
function vitest(files: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, [join(root, 'node_modules/vitest/vitest.mjs'), 'run', ...files], {
    cwd: root,
    env: { HOME: process.env.HOME ?? scratch, NO_COLOR: '1', ...env },
    encoding: 'utf8',
  });
  const lines = `${result.stdout}\n${result.stderr}`.split('\n').filter((line) => line.trim() !== '');
  return { status: result.status, lines, output: lines.join('\n') };
}

function executable(path: string): string {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, '#!/bin/sh\n');
  chmodSync(path, 0o755);
  return path;
}

describe('a run that needs redis-server on a machine without it (and without apt-get)', () => {
  it('stops before any test runs, with one line naming the Debian and Homebrew packages', () => {
    const run = vitest(['test/rate-limit/express-redis.test.ts'], { PATH: emptyPath });
    expect(run.status).toBe(1);
    const line =
      "faultline's tests need redis-server (Redis), and there is no apt-get to install it with: " +
      'on Debian/Ubuntu run `sudo apt-get install -y redis-server`, on macOS `brew install redis` ' +
      '(or set REDIS_SERVER to the program\'s path).';
    // vitest's banner, then the line, and nothing else: no test file was loaded, no stack.
    expect(run.lines.filter((l) => !/^\s*RUN\s+v\d/.test(l))).toEqual([line]);
  });

  it('says so when REDIS_SERVER points nowhere, and installs nothing', () => {
    const run = vitest(['test/rate-limit/express-redis.test.ts'], { PATH: emptyPath, REDIS_SERVER: join(scratch, 'nope') });
    expect(run.status).toBe(1);
    expect(run.lines.at(-1)).toBe(
      `faultline's tests: REDIS_SERVER=${join(scratch, 'nope')} is not an executable file; point it at redis-server (Redis) or unset it.`,
    );
  });

  it('runs the test files that need no service', () => {
    const run = vitest(['test/unit/render.test.ts'], { PATH: emptyPath });
    expect(run.output).toMatch(/Test Files\s+1 passed/);
    expect(run.status).toBe(0);
  });
});

describe('finding a program', () => {
  it('takes the environment variable first, then PATH, then the service’s directories', () => {
    const onPath = executable(join(scratch, 'bin', 'redis-server'));
    const chosen = executable(join(scratch, 'chosen', 'redis-server'));
    expect(locate(redis, { PATH: join(scratch, 'bin') })).toBe(onPath);
    expect(locate(redis, { PATH: join(scratch, 'bin'), REDIS_SERVER: chosen })).toBe(chosen);
    expect(locate(redis, { PATH: emptyPath })).toBeUndefined();
    expect(servicePath('redis-server', { PATH: join(scratch, 'bin') })).toBe(onPath);
    expect(() => servicePath('redis-server', { PATH: emptyPath })).toThrow(missingLine([redis], {}));
  });

  it('expands a * directory, newest version first (PostgreSQL keeps its binaries in /usr/lib/postgresql/N/bin)', () => {
    executable(join(scratch, 'pg', '9.6', 'bin', 'postgres'));
    const newest = executable(join(scratch, 'pg', '17', 'bin', 'postgres'));
    executable(join(scratch, 'pg', '16', 'bin', 'postgres'));
    const postgres: Service = { ...redis, binary: 'postgres', env: 'POSTGRES_BIN', directories: [join(scratch, 'pg', '*', 'bin')] };
    expect(locate(postgres, { PATH: emptyPath })).toBe(newest);
  });

  it('a file that is not executable is not the program', () => {
    const dir = join(scratch, 'plain');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'redis-server'), '');
    expect(locate(redis, { PATH: dir })).toBeUndefined();
  });

  it('names every missing program in the one line', () => {
    const postgres: Service = { binary: 'postgres', name: 'PostgreSQL', env: 'POSTGRES_BIN', debian: 'postgresql', brew: 'postgresql@17', startedBy: 'x' };
    expect(missingLine([redis, postgres], {})).toBe(
      "faultline's tests need redis-server (Redis), postgres (PostgreSQL): on Debian/Ubuntu run " +
        '`sudo apt-get install -y redis-server postgresql`, on macOS `brew install redis postgresql@17` ' +
        '(or set REDIS_SERVER, POSTGRES_BIN to the program\'s path).',
    );
  });
});

describe('which runs need which service', () => {
  const redisHelper = join(root, redis.startedBy);
  it.each(['test/rate-limit/express-redis.test.ts', 'test/rate-limit/multi-instance.test.ts', 'test/nest/nest-rate-limit-redis.test.ts'])(
    '%s needs Redis',
    (file) => {
      expect(importsAny([join(root, file)], redisHelper)).toBe(true);
    },
  );

  it('the documentation site\'s browser test needs Chromium, and it alone', () => {
    const chromium = SERVICES.find((s) => s.binary === 'chromium') as Service;
    expect(chromium.debian).toBe('chromium');
    expect(importsAny([join(root, 'test/docs/site.test.ts')], join(root, chromium.startedBy))).toBe(true);
    expect(importsAny([join(root, 'test/docs/cli.test.ts'), join(root, 'test/rate-limit/express-redis.test.ts')], join(root, chromium.startedBy))).toBe(false);
  });

  it('a test of the core alone does not', () => {
    expect(importsAny([join(root, 'test/unit/render.test.ts'), join(root, 'test/parity/parity.test.ts')], redisHelper)).toBe(false);
  });

  it('an import through another test module counts', () => {
    const helper = join(scratch, 'graph', 'helper.ts');
    const test = join(scratch, 'graph', 'a.test.ts');
    mkdirSync(join(scratch, 'graph'), { recursive: true });
    writeFileSync(helper, "export { startRedis } from './redis.js';\n");
    writeFileSync(test, "import {\n  startRedis,\n} from './helper.js';\n");
    expect(importsAny([test], join(scratch, 'graph', 'redis.ts'))).toBe(true);
  });
});

describe('installing', () => {
  it('cannot without apt-get', () => {
    expect(aptInstaller({ PATH: emptyPath })).toEqual({ cannot: 'there is no apt-get to install it with' });
  });

  it.runIf(process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get'))(
    'as root, with apt-get: apt-get itself, no sudo',
    () => {
      const installer = aptInstaller();
      expect(installer).toHaveProperty('command');
      expect((installer as { command: string[] }).command.at(-1)).toMatch(/\/apt-get$/);
      expect((installer as { command: string[] }).command).toHaveLength(1);
    },
  );
});
