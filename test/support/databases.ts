// Throw-away database servers for the tests: PostgreSQL (Debian's `postgresql`) and MariaDB
// (Debian's `mariadb-server`), each in a fresh temporary directory, on a free port of 127.0.0.1,
// without durability, removed on stop. A missing binary fails the test at once, naming the package.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface DatabaseServer {
  readonly port: number;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

function findBinary(names: readonly string[], dirs: readonly string[], debianPackage: string): string {
  for (const dir of dirs) {
    for (const name of names) {
      const path = join(dir, name);
      if (existsSync(path)) return path;
    }
  }
  throw new Error(`${names[0]} is not installed: apt-get install -y ${debianPackage}`);
}

function postgresBinDirs(): string[] {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).toSorted().toReversed() : [];
  return [...versions.map((v) => join(root, v, 'bin')), '/usr/local/bin', '/usr/bin'];
}

function started(child: ChildProcess, ready: () => Promise<boolean>, name: string): Promise<void> {
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise<void>((resolve, reject) => {
    const deadline = Date.now() + 30_000;
    child.once('exit', (code) => reject(new Error(`${name} exited (${String(code)}): ${output.slice(-2000)}`)));
    const poll = async (): Promise<void> => {
      if (child.exitCode !== null) return;
      if (await ready()) return resolve();
      if (Date.now() > deadline) return reject(new Error(`${name} did not start within 30 s: ${output.slice(-2000)}`));
      setTimeout(() => void poll(), 100);
    };
    void poll();
  });
}

function stopper(child: ChildProcess, dir: string): () => Promise<void> {
  return async () => {
    if (child.exitCode === null && child.signalCode === null) {
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      });
    }
    rmSync(dir, { recursive: true, force: true });
  };
}

// PostgreSQL refuses to run as root: as root, the cluster belongs to the `postgres` user.
function asPostgres(binary: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', binary, ...args]] : [binary, args];
}

/** A PostgreSQL server with a `test` database, user `postgres`, trust authentication. */
export async function startPostgres(canConnect: (port: number) => Promise<boolean>): Promise<DatabaseServer> {
  const dirs = postgresBinDirs();
  const initdb = findBinary(['initdb'], dirs, 'postgresql');
  const postgres = findBinary(['postgres'], dirs, 'postgresql');
  const dir = mkdtempSync(join(tmpdir(), 'faultline-pg-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  if (process.getuid?.() === 0) spawnSync('chown', ['postgres', dir]);
  const [initCommand, initArgs] = asPostgres(initdb, ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync']);
  const init = spawnSync(initCommand, initArgs, { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  const port = await freePort();
  const [command, args] = asPostgres(postgres, ['-D', data, '-p', String(port), '-h', '127.0.0.1', '-k', dir, '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']);
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  await started(child, () => canConnect(port), 'postgres');
  return { port, stop: stopper(child, dir) };
}

/** A MariaDB server, user `root` without a password. */
export async function startMariadb(canConnect: (port: number) => Promise<boolean>): Promise<DatabaseServer> {
  const dirs = ['/usr/sbin', '/usr/bin', '/usr/local/bin'];
  const install = findBinary(['mariadb-install-db', 'mysql_install_db'], dirs, 'mariadb-server');
  const server = findBinary(['mariadbd', 'mysqld'], dirs, 'mariadb-server');
  const dir = mkdtempSync(join(tmpdir(), 'faultline-mariadb-'));
  const data = join(dir, 'data');
  const init = spawnSync(install, ['--no-defaults', `--datadir=${data}`, '--user=root', '--auth-root-authentication-method=normal', '--skip-test-db'], {
    encoding: 'utf8',
  });
  if (init.status !== 0) throw new Error(`mariadb-install-db failed: ${init.stderr}`);
  const port = await freePort();
  const child = spawn(
    server,
    [
      '--no-defaults',
      `--datadir=${data}`,
      `--port=${port}`,
      '--bind-address=127.0.0.1',
      `--socket=${join(dir, 'mysqld.sock')}`,
      `--pid-file=${join(dir, 'mysqld.pid')}`,
      '--user=root',
      '--skip-log-bin',
      '--innodb-flush-log-at-trx-commit=0',
      '--skip-name-resolve',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await started(child, () => canConnect(port), 'mariadbd');
  return { port, stop: stopper(child, dir) };
}
