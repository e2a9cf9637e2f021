// Runs one compiled snippet as a user would run it (`node app.js`, with PORT set): a script must
// exit 0; a server must start listening on PORT, answer the requests its page shows as the page
// shows, and is then stopped.
import { spawn } from 'node:child_process';
import { connect, createServer, type AddressInfo } from 'node:net';
import { differences, type Probe, type ShownResponse } from './probes.js';

/** A port nobody listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A request the page shows, and the response it shows for it (undefined when it shows none). */
export type ProbePair = readonly [Probe, ShownResponse | undefined];

export interface RunOutcome {
  readonly ok: boolean;
  readonly detail: string;
}

/**
 * Runs `file` with node in `cwd` (NODE_ENV=production, PORT a free port): a script that exits 0
 * passes; a server must listen on PORT within `startMs` and answer every probe as shown, and is
 * then stopped (SIGTERM, then SIGKILL).
 */
export async function runSnippet(file: string, cwd: string, pairs: readonly ProbePair[], startMs = 30_000): Promise<RunOutcome> {
  const port = await freePort();
  const child = spawn(process.execPath, [file], { cwd, env: { ...process.env, PORT: String(port), NODE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  // Set by the child's exit event, while the loop below waits.
  const state: { exit?: { code: number | null; signal: NodeJS.Signals | null } } = {};
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      state.exit = { code, signal };
      resolve();
    }),
  );
  try {
    const deadline = Date.now() + startMs;
    let listening = false;
    while (state.exit === undefined && !listening && Date.now() < deadline) {
      listening = await accepts(port);
      if (!listening) await sleep(100);
    }
    const ended = state.exit;
    if (ended !== undefined && !listening) {
      const how = ended.code ?? ended.signal;
      if (pairs.length > 0) return { ok: false, detail: `exited (${String(how)}) without listening on PORT; the page shows requests to it\n${output}` };
      return ended.code === 0 ? { ok: true, detail: 'ran, exited 0' } : { ok: false, detail: `exited with ${String(how)}\n${output}` };
    }
    if (!listening) return { ok: false, detail: `neither exited nor listened on PORT within ${startMs / 1000} s (does it listen on process.env.PORT?)\n${output}` };
    const problems: string[] = [];
    for (const [probe, shown] of pairs) {
      const url = new URL(probe.url.pathname + probe.url.search, `http://127.0.0.1:${port}`);
      let received;
      try {
        const res = await fetch(url, { method: probe.method, headers: probe.headers, body: probe.body ?? null, redirect: 'manual' });
        received = { status: res.status, headers: res.headers, body: await res.text() };
      } catch (error) {
        problems.push(`${probe.shown}: ${(error as Error).message}`);
        continue;
      }
      if (shown === undefined) continue;
      const found = differences(shown, received);
      if (found.length > 0) problems.push(`${probe.shown}:\n       ${found.join('\n       ')}`);
    }
    if (problems.length > 0) return { ok: false, detail: problems.join('\n     ') };
    return { ok: true, detail: pairs.length === 0 ? 'listened on PORT' : `answered ${pairs.length} request${pairs.length === 1 ? '' : 's'} as shown` };
  } finally {
    if (state.exit === undefined) {
      child.kill('SIGTERM');
      const stopped = await Promise.race([exited.then(() => true), sleep(5000).then(() => false)]);
      if (!stopped) child.kill('SIGKILL');
      await exited;
    }
  }
}
