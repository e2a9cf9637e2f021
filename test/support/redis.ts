// A real redis-server for the tests (found or installed before the run by services.ts; REDIS_SERVER
// names another binary), on a free port of 127.0.0.1, without persistence. It can be stopped and
// started again on the same port, for the outage tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { createConnection, createServer, type AddressInfo } from 'node:net';
import { servicePath } from './services.js';

export interface RedisServer {
  readonly port: number;
  readonly url: string;
  /** Starts (again) on the same port; resolves once it answers PING. */
  start(): Promise<void>;
  /** Stops it; resolves once the process has exited. */
  stop(): Promise<void>;
}

/** Starts a redis-server on a free port and resolves once it answers PING. */
export async function startRedis(): Promise<RedisServer> {
  const binary = servicePath('redis-server');
  const port = await freePort();
  let child: ChildProcess | undefined;
  const server: RedisServer = {
    port,
    url: `redis://127.0.0.1:${port}`,
    async start() {
      if (child !== undefined) return;
      const spawned = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child = spawned;
      let output = '';
      spawned.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      spawned.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const failed = new Promise<never>((_, reject) => {
        spawned.once('error', reject);
        spawned.once('exit', (code) => reject(new Error(`redis-server exited (${String(code)}): ${output}`)));
      });
      await Promise.race([waitForPing(port, 10_000), failed]);
    },
    async stop() {
      const running = child;
      if (running === undefined) return;
      child = undefined;
      if (running.exitCode !== null || running.signalCode !== null) return;
      await new Promise<void>((resolve) => {
        running.once('exit', () => resolve());
        running.kill('SIGKILL');
      });
    },
  };
  await server.start();
  return server;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

async function waitForPing(port: number, withinMs: number): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    if (await ping(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`redis-server on port ${port} did not answer PING within ${withinMs} ms`);
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    let reply = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
  });
}
