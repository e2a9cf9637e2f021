// Load and leak check: autocannon against every adapter on 127.0.0.1, each server in its own
// process (started with --expose-gc, so its heap can be measured after a forced collection).
//
//   npm run load                               30 s per adapter
//   LOAD_SECONDS=5 npm run load                shorter
//   npm run load -- --long                     1,000,000 error responses per adapter (leak check: heap growth < 5 %)
//   LOAD_ERRORS=200000 npm run load -- --long  a shorter leak check
//   LOAD_FRAMEWORKS=express,koa npm run load   some adapters only
//   LOAD_CONNECTIONS=20 npm run load           more concurrent connections (default 10)
//
// Exit code 1 when a socket error, a timeout or a wrong status was seen, or (long mode) the heap grew 5 % or more.
import { fork, type ChildProcess } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const SELF = fileURLToPath(import.meta.url);

/**
 * The mix each connection cycles through; `body` is a text only that response contains, so each
 * response is checked against the request it answers even when autocannon's own bookkeeping is off.
 * No request here makes the server close the connection (Fastify closes it after a body it could
 * not parse): autocannon then loses the request it had already written and misattributes latencies.
 */
const MIX = [
  { name: 'ok', path: '/ok', status: 200, body: '"ok":true' },
  { name: 'not found (thrown)', path: '/throw/not-found', status: 404, body: 'No pin with that id' },
  { name: 'server error (async)', path: '/async/server-error', status: 500, body: '"detail":"Internal Server Error"' },
  { name: 'validation (ajv errors)', path: '/throw/validation', status: 400, body: '"pointer":"#/cid"' },
  { name: 'rate limited (RateLimiterRes)', path: '/async/rate-limited', status: 429, body: 'quota-exceeded' },
  { name: 'unmatched route', path: '/no/such/route', status: 404, body: 'Cannot GET /no/such/route' },
  { name: 'ok (again)', path: '/ok', status: 200, body: '"ok":true' },
] as const;
const ERROR_SHARE = MIX.filter((m) => m.status >= 400).length / MIX.length;

// ---------------------------------------------------------------------------------------------
// The server process: one harness app, answering "heap?" with the heap after a forced GC.

async function serve(framework: string): Promise<void> {
  const [{ HARNESSES }, { errors }, { Ajv }, { RateLimiterRes }] = await Promise.all([
    import('../test/harness/all.js'),
    import('../src/index.js'),
    import('ajv'),
    import('rate-limiter-flexible'),
  ]);
  const harness = HARNESSES.find((h) => h.framework === framework);
  if (harness === undefined) throw new Error(`no harness for ${framework}`);
  // A real schema, compiled once, failing on a real body: the errors ajv gives, thrown as such.
  const validatePin = new Ajv({ allErrors: true }).compile({
    type: 'object',
    required: ['cid'],
    properties: { cid: { type: 'string', minLength: 1 }, name: { type: 'string', maxLength: 255 } },
    additionalProperties: false,
  });
  const app = await harness.start({
    options: { envelope: 'problem-details' },
    throwers: {
      'not-found': () => errors.notFound('No pin with that id'),
      'server-error': () => new Error('db connection reset'),
      validation: () => {
        validatePin({ name: 7, extra: true });
        return [...(validatePin.errors ?? [])];
      },
      // What `RateLimiterMemory.consume()` rejects with once the points are used up.
      'rate-limited': () => new RateLimiterRes(0, 1500, 11, false),
    },
  });
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('the server process needs --expose-gc');
  process.on('message', (message: unknown) => {
    if (message === 'heap?') {
      for (let i = 0; i < 3; i++) gc();
      process.send?.({ heap: process.memoryUsage().heapUsed });
    } else if (message === 'stop') {
      void app.close().then(() => process.exit(0));
    }
  });
  process.send?.({ url: app.url });
}

// ---------------------------------------------------------------------------------------------
// The driver.

interface Measured {
  framework: string;
  requests: number;
  errorResponses: number;
  rps: number;
  p99: number;
  socketErrors: number;
  wrongStatuses: number;
  heapStart: number;
  heapEnd: number;
}

function startServer(framework: string): Promise<{ child: ChildProcess; url: string }> {
  const child = fork(SELF, ['--serve', framework], {
    execArgv: ['--expose-gc', '--import', 'tsx'],
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${framework} server exited (${code})`)));
    child.once('message', (message) => resolve({ child, url: (message as { url: string }).url }));
  });
}

function heapOf(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    child.once('message', (message) => resolve((message as { heap: number }).heap));
    child.send('heap?');
  });
}

async function cannon(url: string, opts: { seconds?: number; amount?: number; connections: number }) {
  let wrongStatuses = 0;
  const wrong = new Map<string, number>();
  const record = (what: string) => {
    wrongStatuses++;
    wrong.set(what, (wrong.get(what) ?? 0) + 1);
  };
  // Which request a response answers, from its body; then its status must be that request's.
  const check = (status: number, body: string) => {
    const answered = MIX.find((m) => body.includes(m.body));
    if (answered === undefined) record(`unrecognised body (${status}): ${body.slice(0, 80)}`);
    else if (status !== answered.status) record(`${answered.name}: ${status}`);
  };
  const result = await autocannon({
    url,
    connections: opts.connections,
    pipelining: 1,
    ...(opts.amount !== undefined ? { amount: opts.amount } : { duration: opts.seconds ?? 30 }),
    timeout: 10,
    requests: MIX.map((m) => ({ method: 'GET', path: m.path, onResponse: check })),
  });
  return { result, wrongStatuses, wrong };
}

async function measure(framework: string, opts: { seconds?: number; amount?: number; connections: number }): Promise<Measured> {
  const { child, url } = await startServer(framework);
  try {
    // Warm up (JIT, lazy modules, pools), then measure from a collected heap.
    await cannon(url, { seconds: 3, connections: opts.connections });
    const heapStart = await heapOf(child);
    const { result, wrongStatuses, wrong } = await cannon(url, opts);
    const heapEnd = await heapOf(child);
    for (const [key, count] of wrong) console.error(`  ${framework}: wrong status ${key} ×${count}`);
    const requests = result.requests.total;
    return {
      framework,
      requests,
      errorResponses: Math.round(requests * ERROR_SHARE),
      rps: Math.round(requests / result.duration),
      p99: result.latency.p99,
      socketErrors: result.errors + result.timeouts + result.resets,
      wrongStatuses,
      heapStart,
      heapEnd,
    };
  } finally {
    child.send('stop');
  }
}

async function main(): Promise<void> {
  const long = process.argv.includes('--long');
  const seconds = Number(process.env.LOAD_SECONDS ?? 30);
  const connections = Number(process.env.LOAD_CONNECTIONS ?? 10);
  const { HARNESSES } = await import('../test/harness/all.js');
  const wanted = process.env.LOAD_FRAMEWORKS?.split(',').map((s) => s.trim());
  const frameworks = HARNESSES.map((h) => h.framework).filter((f) => wanted === undefined || wanted.includes(f));
  // Long mode: enough requests that 1,000,000 of them (or LOAD_ERRORS) are error responses.
  const errorsWanted = Number(process.env.LOAD_ERRORS ?? 1_000_000);
  const amount = long ? Math.ceil(errorsWanted / ERROR_SHARE) : undefined;
  console.log(
    `faultline load: ${long ? `${amount} requests (${errorsWanted} errors)` : `${seconds} s`} per adapter, ${connections} connections, ` +
      `mix ${MIX.map((m) => `${m.name} → ${m.status}`).join(', ')}; Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'})`,
  );
  const rows: Measured[] = [];
  for (const framework of frameworks) {
    const row = await measure(framework, amount !== undefined ? { amount, connections } : { seconds, connections });
    rows.push(row);
    const growth = ((row.heapEnd - row.heapStart) / row.heapStart) * 100;
    console.log(
      `${framework.padEnd(14)} ${String(row.requests).padStart(9)} req (${row.errorResponses} errors)  ${String(row.rps).padStart(6)} req/s  ` +
        `p99 ${String(row.p99).padStart(4)} ms  socket errors ${row.socketErrors}  wrong statuses ${row.wrongStatuses}  ` +
        `heap after GC ${(row.heapStart / 2 ** 20).toFixed(1)} → ${(row.heapEnd / 2 ** 20).toFixed(1)} MiB (${growth >= 0 ? '+' : ''}${growth.toFixed(1)} %)`,
    );
  }
  const failed = rows.filter(
    (r) => r.socketErrors > 0 || r.wrongStatuses > 0 || (long && (r.heapEnd - r.heapStart) / r.heapStart >= 0.05),
  );
  if (failed.length > 0) {
    console.error(`FAILED: ${failed.map((r) => r.framework).join(', ')}`);
    process.exitCode = 1;
  }
}

if (process.argv[2] === '--serve') {
  await serve(process.argv[3] as string);
} else {
  await main();
}
