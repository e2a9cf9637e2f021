// Builds ESM and CommonJS with declarations from one source, with tsc only.
// Under NodeNext, tsc emits CommonJS for files whose nearest package.json says "commonjs"; the
// CommonJS pass therefore compiles a copy of the sources placed under such a package.json, so the
// working tree is never touched while others run tests in it.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const buildConfig = JSON.parse(readFileSync(join(root, 'tsconfig.build.json'), 'utf8'));
const sourceDirs = buildConfig.include;

function compile(project, outDir) {
  execFileSync(process.execPath, [tsc, '-p', project, '--outDir', outDir], { stdio: 'inherit' });
}

rmSync(join(root, 'dist'), { recursive: true, force: true });

compile(join(root, 'tsconfig.build.json'), join(root, 'dist/esm'));
writeFileSync(join(root, 'dist/esm/package.json'), '{"type":"module"}\n');

const copy = join(root, '.tmp', 'cjs-build');
rmSync(copy, { recursive: true, force: true });
mkdirSync(copy, { recursive: true });
for (const dir of sourceDirs) {
  if (existsSync(join(root, dir))) cpSync(join(root, dir), join(copy, dir), { recursive: true });
}
writeFileSync(join(copy, 'package.json'), '{"type":"commonjs"}\n');
writeFileSync(
  join(copy, 'tsconfig.json'),
  JSON.stringify({ extends: join(root, 'tsconfig.build.json'), compilerOptions: { rootDir: '.' }, include: sourceDirs }, null, 2),
);
compile(join(copy, 'tsconfig.json'), join(root, 'dist/cjs'));
rmSync(copy, { recursive: true, force: true });
writeFileSync(join(root, 'dist/cjs/package.json'), '{"type":"commonjs"}\n');

// Resolvers that predate `exports` (TypeScript's node10, old bundlers) look for `faultline/express`
// as a folder: give each subpath one, pointing at the CommonJS build.
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
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
console.log('built dist/esm and dist/cjs');
