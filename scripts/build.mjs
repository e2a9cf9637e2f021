// Builds the published package in ESM and CommonJS, the same files in each, with tsc's type
// declarations. A cold start then reads two or three files instead of about ninety modules resolved
// one by one.
//
// 1. tsc compiles every source to JavaScript and declarations in a staging folder: it alone emits
//    Nest's decorator metadata (`design:paramtypes`), which esbuild does not.
// 2. The core in one file (`chunks/core.js`), which every server entry point loads, and the parts
//    only some apps call (validation, rate limiting, the client's parser, OpenAPI, the presets) in a
//    second (`chunks/extras.js`), which takes every module it shares with the core from the core,
//    so each class exists once: `faultline` and `faultline/express` loaded together share one
//    `HttpError`. CommonJS reads the extras on the first use of one of their names; an ES module
//    cannot load code synchronously later, so the entry points that export them import them.
// 3. Each other entry point (an adapter, the adapter contract, the test matchers, the bin) is one
//    file of its own code that imports from those two what it takes from the root or the kit. The
//    client takes nothing from them (it runs in browsers too): it is one file alone.
// 4. The declarations are tsc's, copied next to both builds.
// Not minified (readable stack frames; esbuild marks each source file's start with a comment) and
// without source maps: see docs/guide/performance.md.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const buildConfig = JSON.parse(readFileSync(join(root, 'tsconfig.build.json'), 'utf8'));
const staging = join(root, '.tmp', 'build');

rmSync(join(root, 'dist'), { recursive: true, force: true });
rmSync(staging, { recursive: true, force: true });

// 1. JavaScript and declarations, module by module, as tsc emits them.
execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json'), '--outDir', staging], { stdio: 'inherit' });

// Every file is emitted in ASCII (esbuild escapes code, asciiComments below the comments it keeps):
// V8 keeps a source with one character beyond it in two bytes per character, and reads it slower.
const common = {
  absWorkingDir: staging,
  bundle: true,
  platform: 'node',
  target: 'node20',
  // faultline has no dependencies: every bare import is a peer (a framework, ajv, …) or Node's.
  packages: 'external',
  legalComments: 'none',
  charset: 'ascii',
  logLevel: 'warning',
};

// The names of the root and the kit, and the module each comes from.
function reexports(file) {
  const names = new Map();
  const source = readFileSync(file, 'utf8');
  for (const [, list, from] of source.matchAll(/export\s*\{([^}]*)\}\s*from\s*'([^']+)'/g)) {
    for (const spec of list.split(',').map((part) => part.trim()).filter(Boolean)) {
      const [original, , alias] = spec.split(/\s+/);
      names.set(alias ?? original, { original, from: resolve(dirname(file), from) });
    }
  }
  for (const [, from] of source.matchAll(/export\s*\*\s*from\s*'([^']+)'/g)) {
    for (const [name, found] of reexports(resolve(dirname(file), from))) if (!names.has(name)) names.set(name, found);
  }
  return names;
}
/** What a module exports, as esbuild reads it (`export *` included). */
async function exportsOf(file) {
  const result = await build({ ...common, entryPoints: [file], write: false, metafile: true, format: 'esm', logLevel: 'silent' });
  return Object.values(result.metafile.outputs)[0].exports;
}
const CORE_FILES = ['src/index', 'src/kit'];
const EXTRA_DIRS = ['src/client/', 'src/openapi/', 'src/schemas/', 'src/validation/', 'src/rate-limit/', 'src/body/', 'src/presets/'];
const publicNames = new Map(CORE_FILES.flatMap((entry) => [...reexports(join(staging, `${entry}.js`))]));
const isExtra = (name) => {
  const found = publicNames.get(name);
  if (found === undefined) throw new Error(`build: ${name} is exported by an entry point but not re-exported by src/index.ts or src/kit.ts`);
  return EXTRA_DIRS.some((dir) => relative(staging, found.from).startsWith(dir));
};
const reexportLines = (names) =>
  names.map((name) => {
    const { original, from } = publicNames.get(name);
    return `export { ${original === name ? name : `${original} as ${name}`} } from ${JSON.stringify(from)};`;
  });
const baseNames = [...publicNames.keys()].filter((name) => !isExtra(name));
const extraNames = [...publicNames.keys()].filter(isExtra);

// 2. The core and the extras, bundled as ES modules.
const bundleOf = (contents, plugins = []) =>
  build({ ...common, stdin: { contents: contents.join('\n'), resolveDir: staging, sourcefile: 'core.js' }, write: false, metafile: true, format: 'esm', plugins });
// The modules of the core, and which of them the extras import: those the core hands over, each of
// their exports under a name of its own (`__m3__HttpError`).
const coreProbe = await bundleOf(reexportLines(baseNames));
const coreModules = new Set(Object.keys(coreProbe.metafile.inputs).map((path) => resolve(staging, path)));
// A short name per module (`__m3`): each is written twice for every name handed over.
const moduleKeys = new Map();
const moduleKey = (path) => moduleKeys.get(path) ?? moduleKeys.set(path, `__m${moduleKeys.size}`).get(path);
// Bundled with this plugin, a module that `modules` (an earlier file's) holds is taken from `file` by
// those names instead of bundled again; `taken` records which modules, and their exports.
const takeFrom = (modules, file, taken) => ({
  name: `take-from-${file}`,
  setup(bundler) {
    const namespace = `in-${file}`;
    bundler.onResolve({ filter: /^\.\/[\w-]+\.js$/, namespace }, () => ({ path: `./${file}`, external: true }));
    bundler.onResolve({ filter: /^[./]/ }, (args) => {
      const path = resolve(args.resolveDir, args.path);
      return modules.has(path) ? { path, namespace } : undefined;
    });
    bundler.onLoad({ filter: /.*/, namespace }, async (args) => {
      const names = await exportsOf(args.path);
      taken.set(args.path, names);
      const list = names.map((name) => `${moduleKey(args.path)}__${name} as ${name}`).join(', ');
      return { contents: `export { ${list} } from "./${file}";`, resolveDir: staging, loader: 'js' };
    });
  },
});
/** What a file exports for the files that take modules from it: each module's names, renamed. */
const handOver = (taken) =>
  [...taken].map(([path, names]) => {
    const list = names.map((name) => `${name} as ${moduleKey(path)}__${name}`).join(', ');
    return `export { ${list} } from ${JSON.stringify(path)};`;
  });
const shared = new Map();
const extrasText = (await bundleOf(reexportLines(extraNames), [takeFrom(coreModules, 'core.js', shared)])).outputFiles[0].text;
const coreLines = [...reexportLines(baseNames), ...handOver(shared)];
const coreText = (await bundleOf(coreLines)).outputFiles[0].text;

// CommonJS reads the core in two files. Node reads a CommonJS file into one string, and V8 puts a
// string over 128 KiB in its large-object space: one file of 140 KB cost 1.0 ms more to read than
// one of 126 KiB (an ES module 0.5 ms, less than the 0.7 ms of one more file, so the ES module core
// stays whole). The recognizers and what they stand on (HttpError, the status catalog, the safe
// reads) are `recognizers.js`, which the core requires; both stay under the limit.
const LOWER_DIRS = ['src/normalize/recognizers/', 'src/normalize/issues/'];
const lowerRoots = [...coreModules].filter((path) => LOWER_DIRS.some((dir) => relative(staging, path).startsWith(dir)));
const lowerProbe = await bundleOf(lowerRoots.map((path, i) => `export * as __probe${i} from ${JSON.stringify(path)};`));
const lowerModules = new Set(Object.keys(lowerProbe.metafile.inputs).map((path) => resolve(staging, path)));
const fromLower = new Map();
const cjsCoreText = (await bundleOf(coreLines, [takeFrom(lowerModules, 'recognizers.js', fromLower)])).outputFiles[0].text;
const lowerText = (await bundleOf(handOver(fromLower))).outputFiles[0].text;

const coreFile = (format) => join(root, 'dist', format, 'chunks/core.js');
const extrasFile = (format) => join(root, 'dist', format, 'chunks/extras.js');
mkdirSync(dirname(coreFile('esm')), { recursive: true });
mkdirSync(dirname(coreFile('cjs')), { recursive: true });
writeFileSync(coreFile('esm'), coreText);
writeFileSync(extrasFile('esm'), extrasText);

// CommonJS: both files are converted by hand. The closing `export { … }` becomes plain
// `exports.name = name` assignments: esbuild's CommonJS form defines a getter per name (about 330)
// and copies them onto a second object, half a millisecond of every cold require (measured side by
// side). Every export is a const, a function or a class, so no live binding is lost. The core
// defines a getter for each name of the extras, which requires them on its first read: a cold
// `require` pays for each file it opens and, most of all, for compiling what it opens.
const lazyExtras = [
  'let extras;',
  `for (const name of ${JSON.stringify(extraNames)}) {`,
  '  Object.defineProperty(exports, name, { enumerable: true, get: () => (extras ??= require("./extras.js"))[name] });',
  '}',
];
writeFileSync(coreFile('cjs'), commonJsOf(cjsCoreText, lazyExtras));
writeFileSync(extrasFile('cjs'), commonJsOf(extrasText));
writeFileSync(join(dirname(coreFile('cjs')), 'recognizers.js'), commonJsOf(lowerText));
for (const file of files(dirname(coreFile('cjs')))) {
  const size = readFileSync(file).length;
  if (size > 128 * 1024) console.warn(`build: ${relative(root, file)} is ${size} bytes, over 128 KiB: it reads about 1 ms slower (see LOWER_DIRS)`);
}

function commonJsOf(code, more = []) {
  // Imports of another file of the core (`import { a as b } from "./core.js";`), hoisted as ES
  // imports are.
  const imports = [];
  const body = code.replace(/^import\s*\{([^}]*)\}\s*from\s*"(\.\/[\w-]+\.js)";\n/gm, (line, list, file) => {
    const specs = list.split(',').map((spec) => spec.trim()).filter(Boolean).map((spec) => {
      const [imported, , local = imported] = spec.split(/\s+/);
      return imported === local ? imported : `${imported}: ${local}`;
    });
    imports.push(`const { ${specs.join(', ')} } = require("${file}");`);
    return '';
  });
  const closing = /\nexport\s*\{([^}]*)\};\s*$/.exec(body);
  if (closing === null || /^\s*(import|export)\b/m.test(body.slice(0, closing.index)) || body.includes('import.meta')) {
    throw new Error('build: a CommonJS chunk is not one export clause over plain code; cannot convert it by hand');
  }
  // Read only by faultline's own files, never by Node's CommonJS export detection: one assignment.
  const members = closing[1]
    .split(',')
    .map((spec) => spec.trim())
    .filter(Boolean)
    .map((spec) => {
      const [local, , exported = local] = spec.split(/\s+/);
      return exported === local ? local : `${exported}: ${local}`;
    });
  const assignment = `Object.assign(exports, {\n${members.map((member) => `  ${member},`).join('\n')}\n});`;
  return ['"use strict";', 'Object.defineProperty(exports, "__esModule", { value: true });', ...imports, body.slice(0, closing.index), assignment, ...more, ''].join('\n');
}

// The root and the kit: their names, from the core or the extras.
const chunkPath = (out, file) => `./${relative(dirname(out), file)}`.replace(/^\.\/\.\.\//, '../');
for (const entry of CORE_FILES) {
  const names = await exportsOf(join(staging, `${entry}.js`));
  if (names.length === 0) throw new Error(`build: no exports found for ${entry}`);
  const base = names.filter((name) => !isExtra(name));
  const extra = names.filter(isExtra);
  const esmOut = join(root, 'dist/esm', `${entry}.js`);
  mkdirSync(dirname(esmOut), { recursive: true });
  writeFileSync(
    esmOut,
    [`export { ${base.join(', ')} } from ${JSON.stringify(chunkPath(esmOut, coreFile('esm')))};`, `export { ${extra.join(', ')} } from ${JSON.stringify(chunkPath(esmOut, extrasFile('esm')))};`, ''].join('\n'),
  );
  // One statement per name, in the forms Node's CommonJS export detection reads; a getter for the
  // extras' names, which would otherwise be loaded now.
  const cjsOut = join(root, 'dist/cjs', `${entry}.js`);
  mkdirSync(dirname(cjsOut), { recursive: true });
  const lines = names.map((name) =>
    isExtra(name) ? `Object.defineProperty(exports, "${name}", { enumerable: true, get: function () { return core.${name}; } });` : `exports.${name} = core.${name};`,
  );
  writeFileSync(cjsOut, ['"use strict";', `const core = require(${JSON.stringify(chunkPath(cjsOut, coreFile('cjs')))});`, 'Object.defineProperty(exports, "__esModule", { value: true });', ...lines, ''].join('\n'));
}

// 3. Every other entry point (each `exports` subpath and the bin), by its place in dist/esm: its
// own code, and an import of the core (and of the extras, for an ES module) for what it takes from
// the root or the kit. Adapters write `../../src/kit.js`, the contract `../kit.js`: by resolved path.
const entries = new Set([pkg.bin.faultline]);
for (const target of Object.values(pkg.exports)) if (typeof target !== 'string') entries.add(target.import.default);
const entryPoints = {};
for (const entry of entries) {
  const out = entry.replace('./dist/esm/', '').replace(/\.js$/, '');
  if (!CORE_FILES.includes(out)) entryPoints[out] = `./${out}.js`;
}
const CORE = '@faultline-core';
const EXTRAS = '@faultline-extras';
const coreEntries = new Set(CORE_FILES.map((entry) => join(staging, `${entry}.js`)));
const reexportFrom = (names, file) => (names.length === 0 ? [] : [`export { ${names.join(', ')} } from ${JSON.stringify(file)};`]);
const importsOfCore = (format) => ({
  name: 'imports-of-core',
  setup(bundler) {
    bundler.onResolve({ filter: /^@faultline-(core|extras)$/ }, (args) => ({ path: args.path, external: true }));
    bundler.onResolve({ filter: /(^|\/)(kit|index)\.js$/ }, (args) => {
      const path = resolve(args.resolveDir, args.path);
      if (args.kind === 'entry-point' || !coreEntries.has(path)) return undefined;
      // CommonJS: the core, whose getters load the extras. An ES module: the names this file
      // imports, each from the file that has it.
      return format === 'cjs' ? { path: CORE, external: true } : { path: `${args.importer}?${relative(staging, path)}`, namespace: 'core-slice' };
    });
    bundler.onLoad({ filter: /.*/, namespace: 'core-slice' }, (args) => {
      const [importer, target] = args.path.split('?');
      const pattern = new RegExp(`(?:import|export)\\s*\\{([^}]*)\\}\\s*from\\s*'[^']*/${target.split('/').pop().replace('.', '\\.')}'`, 'g');
      const used = [...readFileSync(importer, 'utf8').matchAll(pattern)].flatMap(([, list]) =>
        list.split(',').map((part) => part.trim().split(/\s+/)[0]).filter(Boolean),
      );
      if (used.length === 0) throw new Error(`build: cannot read what ${importer} imports from ${target}`);
      return { contents: [...reexportFrom(used.filter((name) => !isExtra(name)), CORE), ...reexportFrom(used.filter(isExtra), EXTRAS)].join('\n'), loader: 'js' };
    });
  },
});
for (const format of ['esm', 'cjs']) {
  await build({ ...common, entryPoints, outdir: join(root, 'dist', format), format, plugins: [importsOfCore(format)] });
  for (const out of Object.keys(entryPoints)) {
    const file = join(root, 'dist', format, `${out}.js`);
    const code = readFileSync(file, 'utf8');
    writeFileSync(file, code.replaceAll(JSON.stringify(CORE), JSON.stringify(chunkPath(file, coreFile(format)))).replaceAll(JSON.stringify(EXTRAS), JSON.stringify(chunkPath(file, extrasFile(format)))));
  }
  restoreClassNames(join(root, 'dist', format));
  asciiComments(join(root, 'dist', format));
}
writeFileSync(join(root, 'dist/esm/package.json'), '{"type":"module"}\n');
writeFileSync(join(root, 'dist/cjs/package.json'), '{"type":"commonjs"}\n');

function files(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
    .map((entry) => join(entry.parentPath, entry.name));
}

// tsc writes a decorated class as `let X = class X { … }`; bundling renames the inner name to keep
// it apart from the outer one (`class FaultlineFilter2`), and `X.name`, which Nest shows in its
// logs, would say so. tsc never refers to that inner name (a class that refers to itself goes
// through `X_1`), so it is given back. esbuild's keepNames would do it too, at the price of a
// defineProperty for every closure created, request after request.
// esbuild's ASCII charset escapes code but not the comments it keeps (tsc's doc comments in class
// bodies): a `…` there made V8 hold the whole core in two bytes per character, and read it 0.4 ms
// slower. Written as `\u2026` in the comment instead; code is never touched.
function asciiComments(dir) {
  for (const file of files(dir)) {
    const code = readFileSync(file, 'utf8');
    // oxlint-disable-next-line no-control-regex -- every character outside ASCII, control characters being inside it
    const ascii = code.replace(/[^\x00-\x7f]/g, (char) => `\\u${char.codePointAt(0).toString(16).padStart(4, '0')}`);
    if (ascii !== code) writeFileSync(file, ascii);
  }
}

function restoreClassNames(dir) {
  for (const file of files(dir)) {
    const code = readFileSync(file, 'utf8');
    const fixed = code.replace(/\bvar (\w+) = ((?:\w+ = )?)class (\1\d+|_\1)\b/g, (match, name, chain, renamed) => {
      if (code.split(renamed).length !== 2) throw new Error(`build: ${renamed} is referred to in ${file}; cannot rename it ${name}`);
      return `var ${name} = ${chain}class ${name}`;
    });
    if (fixed !== code) writeFileSync(file, fixed);
  }
}

// 4. tsc's declarations beside both builds (the nearest package.json says which module system).
for (const dir of buildConfig.include) {
  for (const format of ['esm', 'cjs']) {
    cpSync(join(staging, dir), join(root, 'dist', format, dir), { recursive: true, filter: (path) => !path.endsWith('.js') });
  }
}
rmSync(staging, { recursive: true, force: true });

// Resolvers that predate `exports` (TypeScript's node10, old bundlers) look for `faultline/express`
// as a folder: give each subpath one, pointing at the CommonJS build.
for (const [subpath, target] of Object.entries(pkg.exports)) {
  if (subpath === '.' || typeof target === 'string') continue;
  const dir = join(root, subpath.slice(2));
  mkdirSync(dir, { recursive: true });
  const cjs = target.require;
  const up = '../'.repeat(subpath.slice(2).split('/').length);
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ main: up + cjs.default.slice(2), types: up + cjs.types.slice(2) }, null, 2) + '\n',
  );
}
console.log(`built dist/esm and dist/cjs: ${entries.size} entry points bundled, declarations by tsc`);
