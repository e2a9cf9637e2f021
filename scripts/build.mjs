// Builds the published package: one file per entry point plus shared code, in ESM and CommonJS,
// with tsc's type declarations. A cold start then reads a handful of files instead of about ninety
// modules resolved one by one.
//
// 1. tsc compiles every source to JavaScript and declarations in a staging folder: it alone emits
//    Nest's decorator metadata (`design:paramtypes`), which esbuild does not.
// 2. ES modules: esbuild bundles the staged JavaScript of each entry point (frameworks and other
//    peers stay external imports); code shared by several entry points goes into chunks, so
//    `faultline` and `faultline/express` loaded together share one `HttpError` class, and a bundler
//    that takes one entry point takes only the chunks it needs.
// 3. CommonJS, for Node: the core in one file, which every entry point requires, and the parts only
//    some apps call (validation, rate limiting, the client's parser, OpenAPI) in a second, read on
//    first use (see below).
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

// Adapters import the core through src/kit.js, which re-exports all of it: OpenAPI, JSON Schemas,
// logging. esbuild assigns code to chunks by the files each entry point imports, not by the names it
// uses, so every adapter would load the root's whole closure. Each adapter file's import of the kit
// is therefore bundled as a slice of it: the same modules, re-exported by name, only those it names.
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
const kitFile = join(staging, 'src/kit.js');
const kitNames = reexports(kitFile);
const kitSlices = {
  name: 'kit-slices',
  setup(bundler) {
    bundler.onResolve({ filter: /\/src\/kit\.js$/ }, (args) =>
      args.kind === 'entry-point' || resolve(args.resolveDir, args.path) !== kitFile ? undefined : { path: args.importer, namespace: 'kit-slice' },
    );
    bundler.onLoad({ filter: /.*/, namespace: 'kit-slice' }, (args) => {
      const importer = readFileSync(args.path, 'utf8');
      const used = [...importer.matchAll(/(?:import|export)\s*\{([^}]*)\}\s*from\s*'[^']*\/src\/kit\.js'/g)].flatMap(([, list]) =>
        list.split(',').map((part) => part.trim().split(/\s+/)[0]).filter(Boolean),
      );
      const lines = used.map((name) => {
        const found = kitNames.get(name);
        if (found === undefined) throw new Error(`build: ${args.path} imports ${name}, which src/kit.ts does not export`);
        return `export { ${found.original === name ? name : `${found.original} as ${name}`} } from ${JSON.stringify(found.from)};`;
      });
      return { contents: lines.join('\n'), resolveDir: dirname(kitFile), loader: 'js' };
    });
  },
};

// 2. The entry points: every `exports` subpath and the bin, by their place in dist/esm.
const entries = new Set([pkg.bin.faultline]);
for (const target of Object.values(pkg.exports)) if (typeof target !== 'string') entries.add(target.import.default);
const entryPoints = {};
for (const entry of entries) {
  const out = entry.replace('./dist/esm/', '').replace(/\.js$/, '');
  entryPoints[out] = `./${out}.js`;
}
const esm = await build({
  entryPoints,
  // Paths relative to the staging folder: each module's marker comment reads `// src/errors/http-error.js`.
  absWorkingDir: staging,
  outdir: join(root, 'dist/esm'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // faultline has no dependencies: every bare import is a peer (a framework, ajv, …) or Node's.
  packages: 'external',
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'none',
  plugins: [kitSlices],
  metafile: true,
  logLevel: 'warning',
});
writeFileSync(join(root, 'dist/esm/package.json'), '{"type":"module"}\n');

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
restoreClassNames(join(root, 'dist/esm'));

// esbuild emits a chunk for a module that only re-exports types, empty once compiled, and every
// entry point that reaches it imports it: one more file resolved and read on each cold start, for
// nothing. Such chunks are dropped, with their side-effect imports.
function dropEmptyChunks(dir) {
  const empty = files(join(dir, 'chunks')).filter((file) => readFileSync(file, 'utf8').trim() === '');
  if (empty.length === 0) return;
  const names = new Set(empty.map((file) => relative(join(dir, 'chunks'), file)));
  for (const file of files(dir)) {
    const code = readFileSync(file, 'utf8');
    const kept = code.replace(/^import "(?:\.\.?\/)+(?:chunks\/)?([^"/]+\.js)";\n/gm, (line, name) => (names.has(name) ? '' : line));
    if (kept !== code) writeFileSync(file, kept);
  }
  for (const file of files(dir)) {
    for (const name of names) if (readFileSync(file, 'utf8').includes(name)) throw new Error(`build: ${file} still refers to the empty chunk ${name}`);
  }
  for (const file of empty) rmSync(file);
}
dropEmptyChunks(join(root, 'dist/esm'));

// 3. CommonJS, for Node (a bundler takes the ES modules): the core in one file, which every entry
// point requires. A cold `require` pays for each file it opens (the core in eight chunks cost twice
// as much to load as in one) and, most of all, for compiling what it opens. So the parts an app
// reaches only through a call it may never make (the client's parser, OpenAPI and JSON Schemas,
// validation, rate limiting, the body reader) are a second file, `extras.js`, required on the first
// read of one of their names; it takes every module it shares with the core from the core, so each
// class exists once. The root and the kit re-export their names of both; every other entry point
// (each adapter, the adapter contract, the test matchers, the bin) is one file of its own code that
// requires the core for what it takes from the root or the kit. The client takes nothing from them
// (it runs in browsers too): it is one file alone, without the server's core.
const CORE = '@faultline-core';
const CORE_FILES = ['src/index', 'src/kit'];
const EXTRA_DIRS = ['src/client/', 'src/openapi/', 'src/schemas/', 'src/validation/', 'src/rate-limit/', 'src/body/'];
const coreFile = join(root, 'dist/cjs/chunks/core.js');
const extrasFile = join(root, 'dist/cjs/chunks/extras.js');
const publicNames = new Map([...reexports(join(staging, 'src/index.js')), ...kitNames]);
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
const moduleKey = (path) => `__faultline_${relative(staging, path).replace(/\W/g, '_')}`;

// Both files are bundled as ES modules whose closing `export { … }` becomes plain
// `exports.name = name` assignments: esbuild's CommonJS form defines a getter per name (about 330)
// and copies them onto a second object, half a millisecond of every cold require (measured side by
// side). Every export is a const, a function or a class, so no live binding is lost.
const bundleOf = (contents, plugins = []) =>
  build({
    stdin: { contents: contents.join('\n'), resolveDir: staging, sourcefile: 'core.js' },
    absWorkingDir: staging,
    write: false,
    metafile: true,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    legalComments: 'none',
    plugins,
    logLevel: 'warning',
  });
// The modules of the core, and which of them the extras import: those the core hands over whole.
const coreProbe = await bundleOf(reexportLines(baseNames));
const coreModules = new Set(Object.keys(coreProbe.metafile.inputs).map((path) => resolve(staging, path)));
const shared = new Set();
const fromCore = {
  name: 'from-core',
  setup(bundler) {
    bundler.onResolve({ filter: /^\.\/core\.js$/, namespace: 'core-module' }, () => ({ path: './core.js', external: true }));
    bundler.onResolve({ filter: /^[./]/ }, (args) => {
      const path = resolve(args.resolveDir, args.path);
      if (!coreModules.has(path)) return undefined;
      shared.add(path);
      return { path, namespace: 'core-module' };
    });
    bundler.onLoad({ filter: /.*/, namespace: 'core-module' }, (args) => ({
      contents: `module.exports = require("./core.js").${moduleKey(args.path)};`,
      resolveDir: staging,
      loader: 'js',
    }));
  },
};
const extrasBundle = await bundleOf(reexportLines(extraNames), [fromCore]);
const coreBundle = await bundleOf([...reexportLines(baseNames), ...[...shared].map((path) => `export * as ${moduleKey(path)} from ${JSON.stringify(path)};`)]);
const lazyExtras = [
  'let extras;',
  'const loadExtras = () => (extras ??= require("./extras.js"));',
  ...extraNames.map((name) => `Object.defineProperty(exports, "${name}", { enumerable: true, get: function () { return loadExtras().${name}; } });`),
];
mkdirSync(dirname(coreFile), { recursive: true });
writeFileSync(coreFile, commonJsOf(coreBundle.outputFiles[0].text, lazyExtras));
writeFileSync(extrasFile, commonJsOf(extrasBundle.outputFiles[0].text));

function commonJsOf(code, more = []) {
  const closing = /\nexport\s*\{([^}]*)\};\s*$/.exec(code);
  if (closing === null || /^\s*(import|export)\b/m.test(code.slice(0, closing.index)) || code.includes('import.meta')) {
    throw new Error('build: a CommonJS chunk is not one export clause over plain code; cannot convert it by hand');
  }
  const assignments = closing[1]
    .split(',')
    .map((spec) => spec.trim())
    .filter(Boolean)
    .map((spec) => {
      const [local, , exported = local] = spec.split(/\s+/);
      return `exports.${exported} = ${local};`;
    });
  return ['"use strict";', 'Object.defineProperty(exports, "__esModule", { value: true });', code.slice(0, closing.index), ...assignments, ...more, ''].join('\n');
}

const exportsOf = (entry) => Object.values(esm.metafile.outputs).find((output) => output.entryPoint === entry)?.exports ?? [];
for (const entry of CORE_FILES) {
  const out = join(root, 'dist/cjs', `${entry}.js`);
  const names = exportsOf(`${entry}.js`);
  if (names.length === 0) throw new Error(`build: no exports found for ${entry}`);
  mkdirSync(dirname(out), { recursive: true });
  // One statement per name, in the forms Node's CommonJS export detection reads; a getter for the
  // extras' names, which would otherwise be loaded now.
  const lines = names.map((name) =>
    isExtra(name) ? `Object.defineProperty(exports, "${name}", { enumerable: true, get: function () { return core.${name}; } });` : `exports.${name} = core.${name};`,
  );
  const core = `./${relative(dirname(out), coreFile)}`.replace(/^\.\/\.\.\//, '../');
  writeFileSync(out, ['"use strict";', `const core = require(${JSON.stringify(core)});`, 'Object.defineProperty(exports, "__esModule", { value: true });', ...lines, ''].join('\n'));
}
const coreEntries = new Set([join(staging, 'src/index.js'), join(staging, 'src/kit.js')]);
const coreImports = {
  name: 'core-imports',
  setup(bundler) {
    // By resolved path: adapters write `../../src/kit.js`, the contract `../kit.js`.
    bundler.onResolve({ filter: /(^|\/)(kit|index)\.js$/ }, (args) =>
      args.kind !== 'entry-point' && coreEntries.has(resolve(args.resolveDir, args.path)) ? { path: CORE, external: true } : undefined,
    );
  },
};
const cjsEntries = Object.fromEntries(Object.entries(entryPoints).filter(([out]) => !CORE_FILES.includes(out)));
await build({
  entryPoints: cjsEntries,
  absWorkingDir: staging,
  outdir: join(root, 'dist/cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  legalComments: 'none',
  plugins: [coreImports],
  logLevel: 'warning',
});
for (const out of Object.keys(cjsEntries)) {
  const file = join(root, 'dist/cjs', `${out}.js`);
  const path = `./${relative(dirname(file), coreFile)}`.replace(/^\.\/\.\.\//, '../');
  writeFileSync(file, readFileSync(file, 'utf8').replaceAll(JSON.stringify(CORE), JSON.stringify(path)));
}
restoreClassNames(join(root, 'dist/cjs'));
writeFileSync(join(root, 'dist/cjs/package.json'), '{"type":"commonjs"}\n');

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
