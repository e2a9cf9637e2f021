// The published package as a user gets it: pack it, check it with publint and
// @arethetypeswrong/cli, install the tarball into a fresh project, import and require every
// entry point, type-check a consumer of each, prove the peers stay optional, and run the adapter
// contract against a third party's adapter from outside the repository.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { installTarball, packTarball } from './pack.mjs';

const root = new URL('..', import.meta.url).pathname;
const tmp = join(root, '.tmp', 'package');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const entries = Object.keys(pkg.exports).filter((k) => k !== './package.json');
const specifier = (entry) => (entry === '.' ? 'faultline' : `faultline/${entry.slice(2)}`);
let failures = 0;

function run(cmd, args, cwd = root) {
  return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}
function check(name, fn) {
  try {
    const detail = fn();
    console.log(`ok   ${name}${detail ? `: ${detail}` : ''}`);
  } catch (error) {
    failures++;
    console.log(`FAIL ${name}\n${String(error.stdout ?? '')}${String(error.stderr ?? '')}${error.message}`);
  }
}

rmSync(tmp, { recursive: true, force: true });
mkdirSync(tmp, { recursive: true });
const tarball = packTarball(root, tmp);

check('tarball holds only what users need', () => {
  const files = run('tar', ['-tzf', tarball]).trim().split('\n').map((f) => f.replace(/^package\//, ''));
  const unexpected = files.filter(
    (f) => !/^(dist\/(esm|cjs)\/.*\.(js|d\.ts)|dist\/(esm|cjs)\/package\.json|[a-z0-9]+(\/[a-z0-9]+)?\/package\.json|package\.json|README\.md|CHANGELOG\.md)$/.test(f),
  );
  if (unexpected.length > 0) throw new Error(`unexpected files: ${unexpected.join(', ')}`);
  if (files.some((f) => f.endsWith('.map'))) throw new Error('source maps shipped');
  return `${files.length} files`;
});

check('publint reports nothing', () => {
  const out = run(bin('publint'), ['run', '--strict', root]);
  if (!/All good/i.test(out)) throw new Error(out);
  return 'all good';
});

check('@arethetypeswrong/cli: node10, node16-CJS, node16-ESM, bundler on every entry point', () => {
  const out = run(bin('attw'), [tarball, '--format', 'ascii']);
  return out.trim().split('\n').length + ' lines, no problems';
});

// A consumer inside the repository: the tarball is installed into its own node_modules, while the
// frameworks (optional peers) resolve from the repository's, as they would from a user's app.
const consumer = join(tmp, 'consumer');
mkdirSync(consumer, { recursive: true });
writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true }, null, 2));
installTarball(tarball, consumer);

const probe = (entry) =>
  entry === '.'
    ? "typeof m.errors.notFound === 'function' && m.errors.notFound().status === 404"
    : entry === './nest'
      ? "typeof m.FaultlineFilter === 'function' && typeof m.FaultlineModule.forRoot === 'function'"
      : entry === './client'
        ? "typeof m.parseErrorResponse === 'function' && typeof m.retryDelay === 'function' && typeof m.kyBeforeError === 'function' && typeof m.ofetchOnResponseError === 'function'"
      : entry === './kit'
        ? "typeof m.createFaultline === 'function' && typeof m.routeNotFound === 'function' && typeof m.createRateLimit === 'function'"
      : entry === './kit/contract'
        ? "typeof m.runAdapterContract === 'function' && typeof m.verifyAdapter === 'function' && m.CONTRACT_SCENARIOS.length > 30"
      : entry === './fetch'
        ? "typeof m.errorBoundary === 'function' && typeof m.notFound === 'function' && typeof m.readJson === 'function'"
      : entry === './nest/swagger'
        ? "typeof m.ApiFaultlineResponses === 'function'"
      : entry.startsWith('./testing')
        ? "typeof m.faultlineMatchers.toBeFault === 'function' && typeof m.faultlineMatchers.toMatchEnvelope === 'function'"
      : entry === './otel'
        ? "typeof m.traceErrors === 'function' && typeof m.otelTraceId === 'function'"
        : "typeof m.errorHandler === 'function'";
const preload = (entry) => (entry.startsWith('./nest') ? 'reflect-metadata' : undefined);
// faultline/testing/jest extends jest's global `expect`: a stand-in records what it was given.
const globals = (entry) =>
  entry === './testing/jest'
    ? "globalThis.expect = { extend(m) { globalThis.extended = m; } };"
    : '';
const extendedProbe = (entry) => (entry === './testing/jest' ? " && typeof globalThis.extended.toBeFault === 'function'" : '');

for (const entry of entries) {
  check(`import ${specifier(entry)}`, () => {
    const pre = `${globals(entry)} ${preload(entry) ? `await import('${preload(entry)}');` : ''}`;
    run(process.execPath, ['--input-type=module', '-e', `${pre} const m = await import('${specifier(entry)}'); if (!(${probe(entry)}${extendedProbe(entry)})) process.exit(1);`], consumer);
  });
  if (entry === './testing/vitest') {
    // vitest is ESM only: its own message says so, as it does for any require('vitest').
    check(`require ${specifier(entry)} says vitest needs import`, () => {
      try {
        run(process.execPath, ['-e', `require('${specifier(entry)}')`], consumer);
      } catch (error) {
        if (/Vitest cannot be imported in a CommonJS module using require\(\)/.test(String(error.stderr))) return;
        throw error;
      }
      throw new Error('require() succeeded');
    });
    continue;
  }
  check(`require ${specifier(entry)}`, () => {
    const pre = `${globals(entry)} ${preload(entry) ? `require('${preload(entry)}');` : ''}`;
    run(process.execPath, ['-e', `${pre} const m = require('${specifier(entry)}'); if (!(${probe(entry)}${extendedProbe(entry)})) process.exit(1);`], consumer);
  });
}

check('ESM and CJS builds recognise each other\'s errors (one brand)', () => {
  run(process.execPath, ['--input-type=module', '-e', `
    import { createRequire } from 'node:module';
    const esm = await import('faultline');
    const cjs = createRequire(import.meta.url)('faultline');
    if (esm.HttpError === cjs.HttpError) process.exit(2);
    const fault = esm.createFaultline().normalize(cjs.errors.conflict('dup', { code: 'DUP' }));
    if (fault.status !== 409 || fault.code !== 'DUP' || !esm.isHttpError(cjs.errors.gone())) process.exit(1);
  `], consumer);
});

const sharedCore = (load) => `
  const root = ${load('faultline')}; const kit = ${load('faultline/kit')}; ${load('faultline/express')};
  if (root.HttpError !== kit.HttpError || !(kit.routeNotFound('GET', '/x') instanceof root.HttpError)) process.exit(1);`;
check('entry points share one core (bundled with shared chunks): an adapter\'s errors are the root\'s HttpError', () => {
  run(process.execPath, ['--input-type=module', '-e', sharedCore((id) => `await import('${id}')`)], consumer);
  run(process.execPath, ['-e', sharedCore((id) => `require('${id}')`)], consumer);
});

// Both builds are the same files: an entry point, the core and (for the root, the kit and the
// adapters that validate or rate-limit) the extras. Node's ES module loader pays about 0.7 ms for each
// file it resolves and links: the root once read fourteen. The extras' classes are the core's.
const esmFiles = (entry) => {
  const seen = new Set();
  const walk = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [, path] of readFileSync(file, 'utf8').matchAll(/^(?:import|export)\b[^;]*?from\s*"(\.[^"]+)"/gm)) walk(join(file, '..', path));
  };
  walk(join(consumer, 'node_modules', 'faultline', pkg.exports[entry].import.default));
  return seen.size;
};
check('ES modules: each entry point reads at most three files, and the extras share the core\'s classes', () => {
  const counts = entries.map((entry) => `${specifier(entry)} ${esmFiles(entry)}`);
  const over = counts.filter((line) => Number(line.split(' ')[1]) > 3);
  if (over.length > 0) throw new Error(`more than three files: ${over.join(', ')}`);
  run(process.execPath, ['--input-type=module', '-e', `
    const root = await import('faultline'); const kit = await import('faultline/kit');
    const refused = new kit.RequestValidationError([]);
    if (!(refused instanceof root.HttpError) || root.presets.statusObject.errors === undefined) process.exit(1);`], consumer);
  return counts.filter((line) => line.startsWith('faultline ') || line.startsWith('faultline/hono ')).join(', ');
});

// One core file must still let a bundler drop what an app does not use: every table built at load
// is marked pure, so importing `errors` alone ships the status catalog and HttpError, not the
// recognizers, presets, schemas or option rules.
check('a bundler tree-shakes the core: `errors` alone bundles to under 10 kB minified', () => {
  const result = buildSync({ stdin: { contents: "export { errors } from 'faultline';", resolveDir: consumer }, bundle: true, minify: true, format: 'esm', platform: 'neutral', write: false, logLevel: 'silent', external: ['node:*'] });
  const size = result.outputFiles[0].contents.length;
  if (size > 10_000) throw new Error(`${size} bytes`);
  return `${size} bytes`;
});

// V8 puts a source over 128 KiB in its large-object space, and Node reads a CommonJS file as one
// string: each CommonJS file of the core stays under it (the build says which part to move).
check('CommonJS: every file of the core is under 128 KiB', () => {
  const dir = join(consumer, 'node_modules', 'faultline', 'dist', 'cjs', 'chunks');
  const sizes = readdirSync(dir).map((name) => [name, readFileSync(join(dir, name)).length]);
  const over = sizes.filter(([, size]) => size > 128 * 1024);
  if (over.length > 0) throw new Error(`over 128 KiB: ${over.map(([name, size]) => `${name} ${size}`).join(', ')}`);
  return sizes.map(([name, size]) => `${name} ${Math.round(size / 1024)} KiB`).join(', ');
});

// CommonJS keeps validation, rate limiting, the client's parser and OpenAPI in a second file, read
// on the first use of one of their names: not before, and with the core's classes, not copies.
const lazyExtras = `
  const loaded = () => Object.keys(require.cache).some((path) => path.endsWith('extras.js'));
  const root = require('faultline'); const kit = require('faultline/kit'); require('faultline/express');
  if (loaded()) { console.error('extras.js was loaded by require alone'); process.exit(1); }
  const refused = new kit.RequestValidationError([]);
  if (!loaded() || !(refused instanceof root.HttpError) || !root.isHttpError(refused)) process.exit(1);
  if (kit.createRequestValidator !== require('faultline/kit').createRequestValidator) process.exit(1);`;
check('CommonJS: the extras (validation, rate limiting, client parser, OpenAPI) load on first use, with the core\'s classes', () => {
  run(process.execPath, ['-e', lazyExtras], consumer);
});

// faultline/hono reads bodies with Hono's body limit, loaded on jsonBody()'s first request: an app
// that never reads one through it does not load it on a cold start (seen in CommonJS's require
// cache; the ES module build is checked to answer the same 413).
const bodyLimitApp = (load) => `
  const { Hono } = ${load('hono')}; const { errorHandler, jsonBody } = ${load('faultline/hono')};
  const app = new Hono(); app.onError(errorHandler()); app.post('/p', jsonBody({ limit: 4 }), (c) => c.text('ok'));
  const over = () => app.request('/p', { method: 'POST', body: '{"a":1}', headers: { 'content-type': 'application/json' } });`;
check('faultline/hono: Hono\'s body limit loads on jsonBody()\'s first request, not at import, in both builds', () => {
  run(process.execPath, ['-e', `(async () => {
    const loaded = () => Object.keys(require.cache).some((path) => path.includes('body-limit'));
    ${bodyLimitApp((id) => `require('${id}')`)}
    if (loaded()) { console.error('hono/body-limit was loaded by require alone'); process.exit(1); }
    if ((await over()).status !== 413 || !loaded()) process.exit(1);
  })()`], consumer);
  run(process.execPath, ['--input-type=module', '-e', `${bodyLimitApp((id) => `await import('${id}')`)} if ((await over()).status !== 413) process.exit(1);`], consumer);
});

// The test-runner integrations extend a runner's `expect` when imported: checked above, with one.
const classEntries = entries.filter((entry) => entry !== './testing/vitest' && entry !== './testing/jest');
const classNames = (load) => `
  ${load('reflect-metadata')};
  for (const entry of ${JSON.stringify(classEntries.map(specifier))}) {
    const m = ${load('entry')};
    for (const [name, value] of Object.entries(m)) {
      if (typeof value === 'function' && /^class\\b/.test(Function.prototype.toString.call(value)) && value.name !== name) {
        console.error(entry, name, value.name); process.exit(1);
      }
    }
  }`;
check('every exported class keeps its own name in both builds (bundling renames clashing identifiers)', () => {
  run(process.execPath, ['--input-type=module', '-e', classNames((id) => (id === 'entry' ? 'await import(entry)' : `await import('${id}')`))], consumer);
  run(process.execPath, ['-e', classNames((id) => (id === 'entry' ? 'require(entry)' : `require('${id}')`))], consumer);
});

check('the faultline bin runs from both builds', () => {
  for (const format of ['esm', 'cjs']) {
    const out = run(process.execPath, [join(consumer, 'node_modules', 'faultline', 'dist', format, 'cli', 'main.js'), '--help'], consumer);
    if (!out.includes('faultline docs')) throw new Error(`${format}: ${out}`);
  }
});

check('a consumer of every entry point type-checks (node16, ESM and CJS)', () => {
  const lines = entries.map((e, i) => `import * as e${i} from '${specifier(e)}';\nvoid e${i};`);
  const core = `import { errors, defineErrors, createFaultline, type Fault } from 'faultline';
const AppErrors = defineErrors({ INSUFFICIENT_FUNDS: { status: 409, message: 'No funds' } });
const e = AppErrors.INSUFFICIENT_FUNDS();
const code: 'INSUFFICIENT_FUNDS' = e.code;
const f: Fault = createFaultline({ envelope: 'status-object' }).normalize(errors.notFound());
void code; void f;`;
  writeFileSync(join(consumer, 'consumer.mts'), `${lines.join('\n')}\n${core}\n`);
  writeFileSync(join(consumer, 'consumer.cts'), `${lines.join('\n')}\n${core}\n`);
  writeFileSync(join(consumer, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { module: 'node16', moduleResolution: 'node16', strict: true, noEmit: true, skipLibCheck: true, experimentalDecorators: true, types: ['node'], typeRoots: [join(root, 'node_modules', '@types')] },
    files: ['consumer.mts', 'consumer.cts'],
  }, null, 2));
  run(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', consumer]);
});

check('installing faultline with only hono pulls in no Express, Koa, Nest, Fastify, h3 or Elysia', () => {
  const alone = join(tmp, 'hono-only');
  mkdirSync(alone, { recursive: true });
  writeFileSync(join(alone, 'package.json'), JSON.stringify({ name: 'hono-only', private: true, type: 'module' }));
  run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', tarball, `hono@${pkg.devDependencies.hono}`], alone);
  const installed = readdirSync(join(alone, 'node_modules'));
  const extra = ['express', 'koa', '@nestjs', 'fastify', 'h3', 'elysia', 'ajv', 'rate-limiter-flexible'].filter((n) => installed.includes(n));
  if (extra.length > 0) throw new Error(`pulled in: ${extra.join(', ')}`);
  run(process.execPath, ['-e', `import('faultline/hono').then(m => { if (typeof m.errorHandler !== 'function') process.exit(1) })`], alone);
  return `node_modules: ${installed.join(', ')}`;
});

check('installing faultline alone, for faultline/fetch, pulls in nothing else', () => {
  const alone = join(tmp, 'fetch-only');
  mkdirSync(alone, { recursive: true });
  writeFileSync(join(alone, 'package.json'), JSON.stringify({ name: 'fetch-only', private: true, type: 'module' }));
  run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', tarball], alone);
  const installed = readdirSync(join(alone, 'node_modules')).filter((n) => !n.startsWith('.'));
  if (installed.join() !== 'faultline') throw new Error(`node_modules: ${installed.join(', ')}`);
  run(process.execPath, ['--input-type=module', '-e', `
    const { errorBoundary } = await import('faultline/fetch');
    const res = await errorBoundary(() => { throw null; })(new Request('http://x/pins'));
    if (res.status !== 500 || res.headers.get('content-type') !== 'application/problem+json') process.exit(1);
  `], alone);
  return `node_modules: ${installed.join(', ')}`;
});

// A third party's adapter, outside this repository: a small node:http adapter written against
// faultline/kit, with a harness serving the contract's routes, checked by faultline/kit/contract
// under node:test. A second, deliberately wrong copy must fail the contract where it is wrong.
check('faultline/kit/contract checks a third-party adapter from the packed tarball (node:test)', () => {
  const fixture = join(tmp, 'contract-fixture');
  mkdirSync(fixture, { recursive: true });
  writeFileSync(join(fixture, 'package.json'), JSON.stringify({ name: 'contract-fixture', private: true, type: 'module' }));
  run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', tarball], fixture);
  cpSync(join(root, 'test', 'package-fixture'), fixture, { recursive: true });
  const tap = run(process.execPath, ['--test', '--test-reporter=tap', 'contract.test.mjs'], fixture);
  const passed = Number(/^# pass (\d+)$/m.exec(tap)?.[1]);
  const failing = Number(/^# fail (\d+)$/m.exec(tap)?.[1]);
  if (failing !== 0 || !(passed > 300)) throw new Error(tap.split('\n').slice(-12).join('\n'));
  const wrong = JSON.parse(run(process.execPath, ['broken.mjs'], fixture));
  const caught = ['stale headers removed', 'CORS headers kept', 'Accept: application/json only'].filter((name) => !wrong.failed.some((failed) => failed.startsWith(name)));
  if (caught.length > 0) throw new Error(`the contract did not catch the broken adapter's ${caught.join(', ')}: ${JSON.stringify(wrong)}`);
  return `${passed} checks pass under node:test; the broken copy fails ${wrong.failed.length}`;
});

if (!existsSync(tarball)) failures++;
console.log(failures === 0 ? 'package: all checks passed' : `package: ${failures} check(s) failed`);
process.exit(failures === 0 ? 0 : 1);
