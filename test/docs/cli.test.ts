import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../cli/run.js';
import { createFaultline, presets, type FaultlineOptions } from '../../src/index.js';
import { codeSlug } from '../../src/kit.js';
import { AppErrors } from '../openapi/app-errors.js';
import { htmlFacts, htmlProblems, markdownFacts } from './page-facts.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsx = join(root, 'node_modules/tsx/dist/cli.mjs');
const dir = mkdtempSync(join(tmpdir(), 'faultline-docs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The user's modules: a TypeScript catalog (with text that needs escaping), a plain JS one, and one with none.
writeFileSync(join(dir, 'errors.ts'), `export { AppErrors } from ${JSON.stringify(join(root, 'test/openapi/app-errors.ts'))};\nexport const notACatalog = { answer: 42 };\n`);
writeFileSync(
  join(dir, 'errors.mjs'),
  `import { defineErrors } from ${JSON.stringify(join(root, 'src/index.ts'))};\n` +
    `export const JsErrors = defineErrors({ QUOTA_USED: { status: 402, message: 'Quota used up', description: 'The monthly quota is used up.' } });\n`,
);
writeFileSync(join(dir, 'empty.ts'), 'export const nothing = 1;\n');

/** `faultline …` as a real process (through tsx, as `npx faultline` runs the built JavaScript). */
function faultline(...args: string[]) {
  const result = spawnSync(process.execPath, [tsx, join(root, 'cli/main.ts'), ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** What the handler sends for a catalog entry, rendered independently of the CLI. */
function sentBody(options: FaultlineOptions, code: keyof typeof AppErrors): unknown {
  return JSON.parse(createFaultline(options).handle(AppErrors[code](), { method: 'GET', path: '/' }).body as string);
}

describe('faultline docs (a real process)', () => {
  it('Markdown to stdout from a TypeScript catalog', () => {
    const result = faultline('docs', '--catalog', './errors.ts', '--envelope', 'status-object', '--format', 'md', '--title', 'Pins API errors');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith('# Pins API errors\n')).toBe(true);
    const page = markdownFacts(result.stdout);
    expect([...page.codes.keys()]).toEqual(Object.keys(AppErrors));
    for (const [code, factory] of Object.entries(AppErrors)) {
      expect(page.codes.get(code)?.status).toBe(factory.status);
      expect(page.codeExamples.get(code), code).toEqual(sentBody({ envelope: 'status-object' }, code as keyof typeof AppErrors));
    }
    expect(page.exampleHeaders.get('READ_ONLY')).toEqual(['Allow: GET, HEAD']);
    expect(page.exampleHeaders.get('MAINTENANCE')).toEqual(['Retry-After: 600']);
    // Text from the catalog is escaped, never markup.
    expect(result.stdout).toContain('| A CID with a \\<script\\> tag \\| pipe \\& ampersand | Never "trust" input: \\<b\\>escape\\</b\\> it |');
    expect(result.stdout).not.toMatch(/(?<!\\)<script/);
  });

  it('a standalone HTML page to a file, with a preset', () => {
    const result = faultline('docs', '--catalog', './errors.ts', '--preset', 'reason-details', '--format', 'html', '--out', 'out/errors.html');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/wrote out\/errors\.html \(\d+ statuses, 10 codes\)/);
    const html = readFileSync(join(dir, 'out/errors.html'), 'utf8');
    expect(htmlProblems(html)).toEqual([]);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<b>');
    expect(html).toContain('<td>A CID with a &lt;script&gt; tag | pipe &amp; ampersand</td><td>Never &quot;trust&quot; input: &lt;b&gt;escape&lt;/b&gt; it</td>');
    const page = htmlFacts(html);
    for (const code of Object.keys(AppErrors) as (keyof typeof AppErrors)[]) {
      expect(page.codeExamples.get(code), code).toEqual(sentBody({ preset: presets.reasonDetails }, code));
    }
    // The preset's flat 429, with its wait.
    expect(page.codeExamples.get('RATE_LIMITED')).toEqual({ error: 'RATE_LIMITED', retry_after: 30 });
    // Each code's entry sits at its kebab-case anchor, the end of its problem type URI; the code
    // table links there, and every in-page link lands on an id the page has, exactly once.
    expect(html).toContain('<article id="insufficient-funds">\n<h3><code>INSUFFICIENT_FUNDS</code></h3>');
    for (const code of Object.keys(AppErrors)) {
      expect(html.split(`<article id="${codeSlug(code)}">`).length - 1, code).toBe(1);
      expect(html, code).toContain(`<a href="#${codeSlug(code)}"><code>${code}</code></a>`);
    }
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    const targets = [...html.matchAll(/ href="#([^"]+)"/g)].map((m) => m[1]);
    expect(targets.length).toBeGreaterThan(Object.keys(AppErrors).length);
    for (const target of targets) expect(ids, target).toContain(target);
  });

  it('codes that would share an anchor (and a problem type URI) exit 1, naming both', () => {
    writeFileSync(
      join(dir, 'clash-case.mjs'),
      `import { defineErrors } from ${JSON.stringify(join(root, 'src/index.ts'))};\n` +
        `export const A = defineErrors({ PIN_MISSING: { status: 404, message: 'a' } });\n` +
        `export const B = defineErrors({ pinMissing: { status: 410, message: 'b' } });\n`,
    );
    const result = faultline('docs', '--catalog', './clash-case.mjs', '--format', 'html');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('the codes "PIN_MISSING" and "pinMissing" would share the anchor (and problem type URI) "pin-missing"');
  });

  it('a plain JavaScript catalog', () => {
    const result = faultline('docs', '--catalog', './errors.mjs', '--envelope', 'problem-details', '--statuses', '400');
    expect(result.code).toBe(0);
    const page = markdownFacts(result.stdout);
    expect(page.codes).toEqual(new Map([['QUOTA_USED', { status: 402, description: 'The monthly quota is used up.' }]]));
    expect([...page.statuses.keys()]).toEqual([400, 402]);
    expect(page.codeExamples.get('QUOTA_USED')).toEqual({ type: 'about:blank', title: 'Payment Required', status: 402, detail: 'Quota used up', code: 'QUOTA_USED' });
  });

  it('--version prints the package version; no command exits 1 with the usage', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(faultline('--version')).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
    const none = faultline();
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('Usage: faultline docs');
  });

  it('wrong usage exits 2 with the usage; a module without a catalog exits 1', () => {
    const missing = faultline('docs', '--envelope', 'status-object');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--catalog is required');
    expect(missing.stderr).toContain('Usage: faultline docs');
    const empty = faultline('docs', '--catalog', './empty.ts');
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('exports no defineErrors() catalog');
  });
});

/** An Io that keeps what the CLI writes. */
function io() {
  const out = { stdout: '', stderr: '' };
  return { out, io: { cwd: dir, stdout: (t: string) => void (out.stdout += t), stderr: (t: string) => void (out.stderr += t) } };
}

describe('faultline docs (in process)', () => {

  it.each([
    [['docs', '--catalog', 'x.ts', '--preset', 'nope'], /unknown preset "nope"/],
    [['docs', '--catalog', 'x.ts', '--envelope', 'xml'], /unknown envelope "xml"/],
    [['docs', '--catalog', 'x.ts', '--preset', 'statusobject'], /unknown preset "statusobject" \(did you mean statusObject\?\)/],
    [['docs', '--catalog', 'x.ts', '--envelope', 'status_object'], /unknown envelope "status_object" \(did you mean status-object\?\); allowed: reason-details, /],
    [['docs', '--catalog', 'x.ts', '--format', 'pdf'], /--format is "pdf"; allowed: md or html/],
    [['docs', '--catalog', 'x.ts', '--statuses', '200'], /--statuses: "200" is not an error status; allowed: statuses from 400 to 599/],
    [['docs', '--catalog', 'x.ts', '--retry-after', 'soon'], /--retry-after is "soon"; allowed: a number of seconds, 0 or more/],
    [['docs', '--catalog'], /--catalog needs a value/],
    [['docs', '--catalog', 'x.ts', '--colour', 'red'], /unknown option --colour; the options are --catalog, --envelope/],
    [['docs', '--catalog', 'x.ts', '--envelop', 'status-object'], /unknown option --envelop \(did you mean --envelope\?\)/],
    [['serve'], /unknown command "serve"/],
    [['doc'], /unknown command "doc" \(did you mean docs\?\)/],
  ])('%j exits 2', async (argv, message) => {
    const { out, io: sink } = io();
    expect(await run(argv, sink)).toBe(2);
    expect(out.stderr).toMatch(message);
  });

  it('help exits 0', async () => {
    const { out, io: sink } = io();
    expect(await run(['--help'], sink)).toBe(0);
    expect(out.stdout).toContain('--catalog <path>');
    expect(out.stdout).toMatch(/--statuses <list> .*\n.*replaces the default 400,404,500,502,503,504/);
  });

  it('no command prints the usage and exits 1', async () => {
    const { out, io: sink } = io();
    expect(await run([], sink)).toBe(1);
    expect(out.stderr).toContain('Usage: faultline docs');
    expect(out.stdout).toBe('');
  });

  it('--version prints the version', async () => {
    const { out, io: sink } = io();
    expect(await run(['--version'], { ...sink, version: '1.2.3' })).toBe(0);
    expect(out.stdout).toBe('1.2.3\n');
  });

  it('a catalog file that is not there is named, not the module it would be imported from', async () => {
    for (const file of ['./missing.mjs', './src/missing.ts']) {
      const { out, io: sink } = io();
      expect(await run(['docs', '--catalog', file], sink)).toBe(1);
      expect(out.stderr).toBe(`faultline: --catalog ${file}: no such file (${join(dir, file)})\n`);
      expect(out.stderr).not.toContain('index.js');
    }
  });
});

const page = (body: string) => `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>t</title>\n</head>\n<body>${body}</body>\n</html>\n`;

describe('the well-formedness check has teeth', () => {

  it.each([
    ['an unescaped tag in text', '<p>a <script>alert(1)</script> b</p>'],
    ['a bare ampersand', '<p>fish & chips</p>'],
    ['a misnested element', '<p><code>x</p></code>'],
    ['an unclosed element', '<main><p>x</p>'],
    ['a stray <', '<p>1 <2</p>'],
  ])('%s', (_name, body) => {
    expect(htmlProblems(page(body))).not.toEqual([]);
  });

  it('accepts a clean page', () => {
    expect(htmlProblems(page('<p>fish &amp; chips &lt;3</p>'))).toEqual([]);
  });
});

/** Every `type` URI the page's examples carry under `base`. */
function typeUris(bodies: Iterable<unknown>, base: string): string[] {
  const found: string[] = [];
  for (const body of bodies) {
    const type = (body as { type?: unknown } | null)?.type;
    if (typeof type === 'string' && type.startsWith(base)) found.push(type);
  }
  return found;
}

describe('faultline docs --type-base: each documented code is described at exactly its problem type URI', () => {
  // The app's catalog with its own 429 code configured as the status's default (a preset's `codes` does the same).
  writeFileSync(
    join(dir, 'typed.mjs'),
    `import { defineErrors } from ${JSON.stringify(join(root, 'src/index.ts'))};\n` +
      `export const Typed = defineErrors({ INSUFFICIENT_FUNDS: { status: 409, message: 'No funds' }, invalidToken: { status: 401, message: 'Bad token' }, PIN_GONE: { status: 410, message: 'Gone' } });\n`,
  );
  writeFileSync(
    join(dir, 'clash.mjs'),
    `import { defineErrors } from ${JSON.stringify(join(root, 'src/index.ts'))};\n` +
      `export const Clash = defineErrors({ PIN_GONE: { status: 410, message: 'Gone' }, pinGone: { status: 410, message: 'Gone too' } });\n`,
  );

  it('a base ending with #: one page, an anchor per code, every type URI lands on one (HTML and Markdown)', async () => {
    const base = 'https://docs.example.com/errors#';
    for (const format of ['html', 'md'] as const) {
      const { out, io: sink } = io();
      expect(await run(['docs', '--catalog', './typed.mjs', '--preset', 'reasonDetails', '--envelope', 'problem-details', '--format', format, '--type-base', base], sink)).toBe(0);
      const facts = format === 'html' ? htmlFacts(out.stdout) : markdownFacts(out.stdout);
      const uris = typeUris([...facts.codeExamples.values(), ...facts.statusExamples.values()], base);
      expect(uris.toSorted()).toEqual([`${base}insufficient-funds`, `${base}invalid-token`, `${base}pin-gone`]);
      for (const uri of uris) expect(out.stdout, uri).toContain(`id="${uri.slice(base.length)}"`);
      // The preset's default code for 429 (its flat 429 variant carries no type) is documented with its status.
      expect(out.stdout).toContain('id="rate-limited"');
      expect(out.stdout).toContain(format === 'html' ? `Problem type: <code>${base}insufficient-funds</code>` : `Problem type: \`${base}insufficient-funds\``);
      if (format === 'html') expect(htmlProblems(out.stdout)).toEqual([]);
    }
  });

  it('a base ending with /: a directory, the reference as its index and a page per code named by its slug', async () => {
    const base = 'https://docs.example.com/errors/';
    for (const format of ['md', 'html'] as const) {
      const target = `pages-${format}`;
      const { out, io: sink } = io();
      expect(await run(['docs', '--catalog', './typed.mjs', '--preset', 'reasonDetails', '--envelope', 'problem-details', '--format', format, '--type-base', base, '--out', target], sink)).toBe(0);
      expect(out.stderr).toMatch(/index and 4 code pages/);
      const index = readFileSync(join(dir, target, `index.${format}`), 'utf8');
      const facts = format === 'html' ? htmlFacts(index) : markdownFacts(index);
      const uris = typeUris([...facts.codeExamples.values(), ...facts.statusExamples.values()], base);
      expect(uris).toHaveLength(3);
      for (const uri of [...uris, `${base}rate-limited`]) {
        const written = readFileSync(join(dir, target, `${uri.slice(base.length)}.${format}`), 'utf8');
        expect(written, uri).toContain(uri);
        if (format === 'html') expect(htmlProblems(written)).toEqual([]);
      }
      const funds = readFileSync(join(dir, target, `insufficient-funds.${format}`), 'utf8');
      expect(funds).toContain(format === 'html' ? '<h1><code>INSUFFICIENT_FUNDS</code></h1>' : '# `INSUFFICIENT_FUNDS`');
      expect(funds).toContain('No funds');
    }
  });

  it('a base ending with / without --out is wrong usage', async () => {
    const { out, io: sink } = io();
    expect(await run(['docs', '--catalog', './typed.mjs', '--type-base', 'https://docs.example.com/errors/'], sink)).toBe(2);
    expect(out.stderr).toMatch(/give --out <directory>/);
  });

  it('two codes with one slug, or a base that is not a URI, fail with what to do', async () => {
    const clash = io();
    expect(await run(['docs', '--catalog', './clash.mjs', '--type-base', 'https://x.example/e#'], clash.io)).toBe(1);
    expect(clash.out.stderr).toMatch(/the codes "PIN_GONE" and "pinGone" would share the anchor \(and problem type URI\) "pin-gone"/);
    const bad = io();
    expect(await run(['docs', '--catalog', './typed.mjs', '--type-base', 'errors#'], bad.io)).toBe(1);
    expect(bad.out.stderr).toMatch(/option "typeBase"/);
  });
});
