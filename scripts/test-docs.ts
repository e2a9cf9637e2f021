// Every TypeScript block of README.md and docs/**/*.md, checked against the package a user installs:
// the tarball is built, packed and installed into a scratch project; each block must name its
// packages in an `npm install` line above it, type-checks in strict mode, and a block marked `run`
// is run (a server answers the curl requests its page shows, as the page shows them).
//
//   npm run test:docs                            every page
//   npm run test:docs -- README.md               one page;  README.md:55  one block (its opening line)
//   npm run test:docs -- --tarball-dir .tmp/package   the tarball `npm run test:package` packed (no build)
//
// Marking (docs/contributing.md): ```ts run (run it), ```ts fragment (not compiled: keep it rare).
// scripts/docs/canary.md holds blocks that must fail, one per kind of check: if one passes, a
// check has lost its teeth and this script fails.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeBlocks, TYPESCRIPT, type Block } from './docs/markdown.js';
import { curlProbes, shownResponses } from './docs/probes.js';
import { requirementsOf } from './docs/requirements.js';
import { runSnippet, type ProbePair } from './docs/run-snippet.js';
import { installTarball, packTarball } from './pack.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const scratch = join(root, '.tmp', 'docs');
const CANARY = 'scripts/docs/canary.md';

/**
 * Blocks known to fail for a reason another change fixes, skipped with that reason. Each names the
 * issue; remove the entry when the fix lands.
 */
const KNOWN_EXCEPTIONS: readonly { readonly file: string; readonly contains: string; readonly reason: string }[] = [];

// ---------------------------------------------------------------------------------------------
// Which pages and blocks.

const args = process.argv.slice(2);
let tarball: string | undefined;
const filters: string[] = [];
for (let i = 0; i < args.length; i++) {
  const arg = args[i] as string;
  if (arg === '--tarball-dir') {
    const dir = join(root, args[++i] ?? '.');
    const packed = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.tgz')) : [];
    if (packed.length !== 1) throw new Error(`--tarball-dir: expected one .tgz in ${dir}, found ${packed.length}`);
    tarball = join(dir, packed[0] as string);
  } else {
    filters.push(arg);
  }
}

// Pages `npm run docs:generate` writes (gitignored): their code is the JSDoc's, checked by the
// type-check of the sources, not snippets a reader pastes.
const GENERATED_PAGES: readonly string[] = ['docs/api', 'docs/reference/errors.md', 'docs/.vitepress'];

function markdownUnder(dir: string): string[] {
  if (!existsSync(join(root, dir))) return [];
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md') && !entry.parentPath.includes('node_modules'))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .filter((file) => !GENERATED_PAGES.some((generated) => file === generated || file.startsWith(`${generated}/`)))
    .toSorted();
}

const pages = ['README.md', ...markdownUnder('docs'), CANARY];
const wanted = (block: Block): boolean =>
  block.file === CANARY || filters.length === 0 || filters.some((f) => f === block.file || f === `${block.file}:${block.line}`);

// ---------------------------------------------------------------------------------------------
// Static checks: what each block needs its page to have said.

interface Result {
  readonly block: Block;
  readonly status: 'ok' | 'fail' | 'skip';
  /** What failed: a missing install line or tsconfig setting, the type-check, the page's requests, the run. */
  readonly kind?: 'install' | 'compile' | 'probe' | 'run';
  readonly detail: string;
}

interface Checked {
  readonly block: Block;
  /** The snippet's file name, from its page and line. */
  readonly name: string;
  readonly compilerOptions: Readonly<Record<string, unknown>>;
  /** Its page's blocks, and its index among them (its curl and http blocks follow it). */
  readonly blocks: readonly Block[];
  readonly index: number;
  out?: string;
}

const results: Result[] = [];
const checked: Checked[] = [];

for (const file of pages) {
  const blocks = codeBlocks(readFileSync(join(root, file), 'utf8'), file);
  blocks.forEach((block, index) => {
    if (!TYPESCRIPT.has(block.lang) || !wanted(block)) return;
    if (block.attrs.has('fragment')) {
      results.push({ block, status: 'skip', detail: 'marked fragment' });
      return;
    }
    const known = KNOWN_EXCEPTIONS.find((e) => e.file === block.file && block.code.includes(e.contains));
    if (known !== undefined) {
      results.push({ block, status: 'skip', detail: `known exception: ${known.reason}` });
      return;
    }
    const { problems, compilerOptions } = requirementsOf(block, blocks.slice(0, index), root);
    if (problems.length > 0) {
      results.push({ block, status: 'fail', kind: 'install', detail: problems.join('\n     ') });
      return;
    }
    const name = `${block.file.replace(/\.md$/, '').replace(/[^A-Za-z0-9]+/g, '-')}-L${block.line}`;
    checked.push({ block, name, compilerOptions, blocks, index });
  });
}

// ---------------------------------------------------------------------------------------------
// The package as a user installs it, and one type-check per set of compiler options the pages show.

rmSync(scratch, { recursive: true, force: true });
mkdirSync(join(scratch, 'snippets'), { recursive: true });
writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'docs-snippets', private: true, type: 'module' }, null, 2));
if (tarball === undefined) {
  process.stdout.write('building and packing faultline…\n');
  tarball = packTarball(root, scratch);
}
installTarball(tarball, scratch);

const BASE_OPTIONS = {
  target: 'ES2022',
  module: 'NodeNext',
  moduleResolution: 'NodeNext',
  strict: true,
  skipLibCheck: true,
  types: ['node'],
  typeRoots: [join(root, 'node_modules', '@types')],
  rootDir: 'snippets',
};

const groups = new Map<string, Checked[]>();
for (const entry of checked) {
  // Every snippet is a module of its own, whatever it imports: appended, so line numbers stay the page's.
  writeFileSync(join(scratch, 'snippets', `${entry.name}.ts`), `${entry.block.code}\nexport {};\n`);
  const key = JSON.stringify(entry.compilerOptions);
  if (!groups.has(key)) groups.set(key, []);
  groups.get(key)?.push(entry);
}

const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const compileErrors = new Map<string, string[]>(); // snippet name → diagnostics, in page lines
let groupIndex = 0;
for (const [key, entries] of groups) {
  const config = `tsconfig.${groupIndex}.json`;
  writeFileSync(
    join(scratch, config),
    JSON.stringify({ compilerOptions: { ...BASE_OPTIONS, ...JSON.parse(key), outDir: `out/${groupIndex}` }, files: entries.map((e) => `snippets/${e.name}.ts`) }, null, 2),
  );
  let output = '';
  try {
    execFileSync(process.execPath, [tsc, '-p', config, '--pretty', 'false'], { cwd: scratch, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    output = `${failed.stdout ?? ''}${failed.stderr ?? ''}`;
  }
  for (const entry of entries) entry.out = join(scratch, 'out', String(groupIndex), `${entry.name}.js`);
  for (const line of output.split('\n')) {
    const diagnostic = /^snippets\/([^(]+)\.ts\((\d+),(\d+)\): (.*)$/.exec(line);
    if (diagnostic === null) {
      // A message continued on the next lines belongs to the last diagnostic.
      const last = [...compileErrors.values()].at(-1);
      if (line.trim() !== '' && last !== undefined) last.push(`  ${line.trim()}`);
      continue;
    }
    const [, name = '', at = '0', , message = ''] = diagnostic;
    const entry = entries.find((e) => e.name === name);
    const pageLine = entry === undefined ? at : entry.block.line + Number(at);
    if (!compileErrors.has(name)) compileErrors.set(name, []);
    compileErrors.get(name)?.push(`line ${pageLine}: ${message}`);
  }
  groupIndex++;
}

// ---------------------------------------------------------------------------------------------
// Running the blocks marked `run`, probed with the requests their page shows.

/** The curl block after a runnable block (before the next TypeScript block), and the http block right after it. */
function probesAfter(blocks: readonly Block[], index: number): ProbePair[] {
  for (let i = index + 1; i < blocks.length; i++) {
    const next = blocks[i] as Block;
    if (TYPESCRIPT.has(next.lang)) break;
    const probes = curlProbes(next.code);
    if (probes.length === 0) continue;
    const after = blocks[i + 1];
    const shown = after?.lang === 'http' ? shownResponses(after.code) : [];
    if (shown.length > 0 && shown.length !== probes.length) {
      throw new Error(`${next.file}:${next.line}: ${probes.length} curl line(s), but the http block after it shows ${shown.length} response(s)`);
    }
    return probes.map((probe, n): ProbePair => [probe, shown[n]]);
  }
  return [];
}

for (const entry of checked) {
  const errors = compileErrors.get(entry.name);
  if (errors !== undefined) {
    results.push({ block: entry.block, status: 'fail', kind: 'compile', detail: errors.join('\n     ') });
    continue;
  }
  if (!entry.block.attrs.has('run')) {
    results.push({ block: entry.block, status: 'ok', detail: 'type-checks' });
    continue;
  }
  let pairs: ProbePair[];
  try {
    pairs = probesAfter(entry.blocks, entry.index);
  } catch (error) {
    results.push({ block: entry.block, status: 'fail', kind: 'probe', detail: (error as Error).message });
    continue;
  }
  const ran = await runSnippet(entry.out as string, scratch, pairs);
  results.push({ block: entry.block, status: ran.ok ? 'ok' : 'fail', kind: 'run', detail: `type-checks, ${ran.detail}` });
}

// ---------------------------------------------------------------------------------------------
// The report. Canary blocks must fail with the kind their `canary=` attribute names.

let failures = 0;
for (const { block, status, kind, detail } of results.toSorted((a, b) => a.block.file.localeCompare(b.block.file) || a.block.line - b.block.line)) {
  const where = `${block.file}:${block.line}`;
  if (block.file === CANARY) {
    const expected = String(block.attrs.get('canary'));
    const caught = status === 'fail' && kind === expected;
    if (!caught) failures++;
    console.log(`${caught ? 'ok  ' : 'FAIL'} ${where} canary: ${caught ? `${/^[aeiou]/.test(expected) ? 'an' : 'a'} ${expected} drift is caught` : `expected a ${expected} failure, got ${status}${kind ? ` (${kind})` : ''}: ${detail}`}`);
    continue;
  }
  if (status === 'fail') failures++;
  console.log(`${status === 'fail' ? 'FAIL' : status === 'skip' ? 'skip' : 'ok  '} ${where} ${status === 'fail' ? `(${kind})\n     ${detail}` : detail}`);
}
const counted = (status: Result['status']): number => results.filter((r) => r.status === status && r.block.file !== CANARY).length;
console.log(`docs: ${counted('ok')} ok, ${counted('skip')} skipped, ${failures} failed, ${results.filter((r) => r.block.attrs.has('run') && r.status === 'ok' && r.block.file !== CANARY).length} run`);
process.exit(failures === 0 ? 0 : 1);
