// Builds ESM and CommonJS with declarations from one source, with tsc only.
// The CommonJS pass compiles the same files with a temporary `{"type":"commonjs"}` beside the
// sources: under NodeNext that is what makes tsc emit CommonJS (the way tshy does it).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const sourceDirs = ['src', 'adapters'];

rmSync(join(root, 'dist'), { recursive: true, force: true });

function compile(outDir) {
  execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json'), '--outDir', join(root, outDir)], {
    stdio: 'inherit',
  });
}

compile('dist/esm');
writeFileSync(join(root, 'dist/esm/package.json'), '{"type":"module"}\n');

const markers = sourceDirs.map((dir) => join(root, dir, 'package.json'));
for (const marker of markers) {
  if (existsSync(marker)) throw new Error(`refusing to overwrite ${marker}`);
}
try {
  for (const marker of markers) writeFileSync(marker, '{"type":"commonjs"}\n');
  compile('dist/cjs');
} finally {
  for (const marker of markers) rmSync(marker, { force: true });
}
writeFileSync(join(root, 'dist/cjs/package.json'), '{"type":"commonjs"}\n');

// Resolvers that predate `exports` (TypeScript's node10, old bundlers) look for `faultline/express`
// as a folder: give each subpath one, pointing at the CommonJS build.
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
for (const [subpath, target] of Object.entries(pkg.exports)) {
  if (subpath === '.' || typeof target === 'string') continue;
  const dir = join(root, subpath.slice(2));
  mkdirSync(dir, { recursive: true });
  const cjs = target.require;
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ main: `.${cjs.default}`, types: `.${cjs.types}` }, null, 2) + '\n',
  );
}
console.log('built dist/esm and dist/cjs');
