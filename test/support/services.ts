// The programs the test suite needs besides Node and npm (database and cache servers, a browser), in one list.
// vitest's globalSetup (vitest.config.ts) looks each one up before any test file runs: when one is
// missing it installs Debian's package if it can (as root or with password-less sudo, where
// apt-get exists), and otherwise stops the run at once with one line saying what to install.
// A test reaches a program through `servicePath(...)`, the same lookup.
import { execFileSync } from 'node:child_process';
import { accessSync, constants, readdirSync, readFileSync, statSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

export interface Service {
  /** The program the tests start, as found on PATH (`redis-server`). */
  readonly binary: string;
  /** What it is, for the message (`Redis`). */
  readonly name: string;
  /** An environment variable holding the program's path; when set it is used and nothing is installed. */
  readonly env: string;
  /** Places to look besides PATH; a `*` segment matches any directory (`/usr/lib/postgresql/∗/bin`). */
  readonly directories?: readonly string[];
  /** The Debian/Ubuntu package that provides it. */
  readonly debian: string;
  /** The Homebrew formula that provides it. */
  readonly brew: string;
  /**
   * The test helper that starts it (from the repository root): a run needs the service when one of
   * its test files imports this module, directly or through other test modules.
   */
  readonly startedBy: string;
}

export const SERVICES: readonly Service[] = [
  {
    binary: 'redis-server',
    name: 'Redis',
    env: 'REDIS_SERVER',
    debian: 'redis-server',
    brew: 'redis',
    startedBy: 'test/support/redis.ts',
  },
  {
    binary: 'postgres',
    name: 'PostgreSQL, for the database-error tests',
    env: 'POSTGRES_BIN',
    directories: ['/usr/lib/postgresql/*/bin'],
    debian: 'postgresql',
    brew: 'postgresql@17',
    startedBy: 'test/support/databases.ts',
  },
  {
    binary: 'mariadbd',
    name: 'MariaDB, for the database-error tests',
    env: 'MARIADBD',
    directories: ['/usr/sbin', '/usr/local/sbin'],
    debian: 'mariadb-server',
    brew: 'mariadb',
    startedBy: 'test/support/databases.ts',
  },
  {
    binary: 'chromium',
    name: 'Chromium, for the browser test of the documentation site',
    env: 'CHROMIUM',
    debian: 'chromium',
    brew: 'chromium',
    startedBy: 'test/support/browser.ts',
  },
];

type Env = Readonly<Record<string, string | undefined>>;

/** Where a service's program is: its environment variable, else PATH, else its directories. */
export function locate(service: Service, env: Env = process.env): string | undefined {
  const chosen = env[service.env];
  if (chosen !== undefined && chosen !== '') return isExecutable(chosen) ? chosen : undefined;
  const dirs = [...(env.PATH ?? '').split(delimiter).filter((d) => d !== ''), ...(service.directories ?? []).flatMap(expand)];
  return dirs.map((dir) => join(dir, service.binary)).find(isExecutable);
}

/** The path of the binary a test starts; throws the one-line instruction if it is not there. */
export function servicePath(binary: string, env: Env = process.env): string {
  const service = SERVICES.find((s) => s.binary === binary);
  if (service === undefined) throw new Error(`test bug: ${binary} is not in SERVICES (test/support/services.ts)`);
  const found = locate(service, env);
  if (found === undefined) throw new Error(missingLine([service], env));
  return found;
}

/**
 * One line naming what to install on Debian/Ubuntu and on macOS, for every missing service; an
 * environment variable that points nowhere is named as such.
 */
export function missingLine(missing: readonly Service[], env: Env = process.env, cannotInstall?: string): string {
  const misdirected = missing.filter((s) => (env[s.env] ?? '') !== '');
  if (misdirected.length > 0) {
    const s = misdirected[0] as Service;
    return `faultline's tests: ${s.env}=${env[s.env]} is not an executable file; point it at ${s.binary} (${s.name}) or unset it.`;
  }
  const names = missing.map((s) => `${s.binary} (${s.name})`).join(', ');
  const debian = missing.map((s) => s.debian).join(' ');
  const brew = missing.map((s) => s.brew).join(' ');
  const vars = missing.map((s) => s.env).join(', ');
  return (
    `faultline's tests need ${names}${cannotInstall === undefined ? '' : `, and ${cannotInstall}`}: ` +
    `on Debian/Ubuntu run \`sudo apt-get install -y ${debian}\`, on macOS \`brew install ${brew}\`` +
    ` (or set ${vars} to the program's path).`
  );
}

/** How this machine can install Debian packages unattended: the command prefix, or why it cannot. */
export type Installer = { readonly command: readonly string[] } | { readonly cannot: string };

/** apt-get as root, or through password-less sudo (CI runners); nothing that would ask a question. */
export function aptInstaller(env: Env = process.env): Installer {
  if (process.platform !== 'linux') return { cannot: `nothing installs it on ${process.platform} by itself` };
  const aptGet = findOnPath('apt-get', env);
  if (aptGet === undefined) return { cannot: 'there is no apt-get to install it with' };
  if (process.getuid?.() === 0) return { command: [aptGet] };
  const sudo = findOnPath('sudo', env);
  if (sudo !== undefined && succeeds(sudo, ['-n', 'true'], env)) return { command: [sudo, '-n', aptGet] };
  return { cannot: 'installing it needs root (or sudo without a password)' };
}

/** Installs the packages non-interactively; undefined when it worked, else why not in a few words. */
export function aptInstall(command: readonly string[], packages: readonly string[], env: Env = process.env): string | undefined {
  const run = (args: string[]) => {
    const [program, ...rest] = [...command, ...args] as [string, ...string[]];
    execFileSync(program, rest, { env: { ...env, DEBIAN_FRONTEND: 'noninteractive' }, stdio: ['ignore', 'pipe', 'pipe'] });
  };
  try {
    // A fresh image has no package lists: the update is what makes the install possible there. A
    // failing update (one unreachable source) may still leave lists to install from.
    try {
      run(['update', '-qq']);
    } catch {
      // the install below says whether it mattered
    }
    run(['install', '-y', '-qq', '--no-install-recommends', ...packages]);
    return undefined;
  } catch (error) {
    const errors = String((error as { stderr?: unknown }).stderr ?? '').split('\n').filter((line) => line.startsWith('E:'));
    return `apt-get failed${errors.length > 0 ? ` (${errors.join(' ').replace(/\s+/g, ' ')})` : ''}`;
  }
}

/**
 * Makes sure every service is there: installs the missing ones if it can, else throws an Error
 * whose message is the one line to show. Logs one line before installing.
 */
export function ensureServices(services: readonly Service[], env: Env = process.env, log: (line: string) => void = console.error): void {
  const missing = services.filter((s) => locate(s, env) === undefined);
  if (missing.length === 0) return;
  // A variable that points nowhere is the user's choice: say so, install nothing.
  if (missing.some((s) => (env[s.env] ?? '') !== '')) throw new Error(missingLine(missing, env));
  const installer = aptInstaller(env);
  if ('cannot' in installer) throw new Error(missingLine(missing, env, installer.cannot));
  const packages = missing.map((s) => s.debian);
  log(`faultline's tests: installing ${packages.join(' ')} with apt-get (once)…`);
  const failed = aptInstall(installer.command, packages, env);
  if (failed !== undefined) throw new Error(missingLine(missing, env, failed));
  const still = missing.filter((s) => locate(s, env) === undefined);
  if (still.length > 0) throw new Error(missingLine(still, env, 'apt-get installed it but it is not on PATH'));
}

/**
 * vitest's globalSetup: the services the test files of this run need. Which files run is read from
 * vitest's state (an experimental API); if it cannot be read, every service is needed.
 */
export default function setup(project: TestProject): void {
  const root = project.config.root;
  const files = runFiles(project);
  const needed = files.length === 0 ? SERVICES : SERVICES.filter((s) => importsAny(files, resolve(root, s.startedBy)));
  try {
    ensureServices(needed);
  } catch (error) {
    // One line, not a stack: printed, then the run ends before any test file is loaded.
    // vitest would report a thrown error as "No test files found" plus a stack: print the line alone.
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}

function runFiles(project: TestProject): string[] {
  const state = (project.vitest as { state?: { getPaths?: () => unknown } }).state;
  const paths = typeof state?.getPaths === 'function' ? state.getPaths() : undefined;
  return Array.isArray(paths) && paths.every((p) => typeof p === 'string') ? (paths as string[]) : [];
}

/** True when one of the files imports `target`, following relative imports of TypeScript modules. */
export function importsAny(files: readonly string[], target: string): boolean {
  const seen = new Set<string>();
  const queue = [...files];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (file === target) return true;
    if (seen.has(file)) continue;
    seen.add(file);
    let source: string;
    try {
      source = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    // `import … from './x.js'`, `export … from`, the `} from` line of a multi-line import, `import('./x.js')`.
    for (const match of source.matchAll(/^\s*(?:import|export|\})[^'"\n]*\bfrom\s+['"](\.\.?\/[^'"]+)['"]|\bimport\(\s*['"](\.\.?\/[^'"]+)['"]/gm)) {
      const specifier = (match[1] ?? match[2]) as string;
      queue.push(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
    }
  }
  return false;
}

function expand(pattern: string): string[] {
  const parts = pattern.split('/');
  const star = parts.indexOf('*');
  if (star === -1) return [pattern];
  const base = parts.slice(0, star).join('/') || '/';
  let entries: string[];
  try {
    // The newest version first: /usr/lib/postgresql/17 before 9.6.
    entries = readdirSync(base).toSorted((a, b) => b.localeCompare(a, 'en', { numeric: true }));
  } catch {
    return [];
  }
  return entries.flatMap((entry) => expand([base, entry, ...parts.slice(star + 1)].join('/')));
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function findOnPath(binary: string, env: Env): string | undefined {
  return (env.PATH ?? '').split(delimiter).filter((d) => d !== '').map((dir) => join(dir, binary)).find(isExecutable);
}

function succeeds(command: string, args: string[], env: Env): boolean {
  try {
    execFileSync(command, args, { env, stdio: 'ignore', timeout: 5000 });
    return true;
  } catch {
    return false;
  }
}
