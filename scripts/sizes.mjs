// Minified + gzipped size of the core and of each adapter, as a bundler would ship them: each
// entry point of the published build (dist/esm; `npm run sizes` builds it first) bundled with esbuild,
// frameworks and optional peers left external.
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const external = [...Object.keys(pkg.peerDependencies), '@nestjs/*', 'hono/*', 'ajv/*', 'node:*', 'reflect-metadata', 'rxjs'];
const rows = [];
for (const [subpath, target] of Object.entries(pkg.exports)) {
  if (typeof target === 'string') continue;
  const entry = join(root, target.import.default);
  const result = await build({ entryPoints: [entry], bundle: true, minify: true, format: 'esm', platform: 'neutral', write: false, external, logLevel: 'silent' });
  const code = result.outputFiles[0].contents;
  rows.push([`\`${subpath === '.' ? 'faultline' : `faultline/${subpath.slice(2)}`}\``, code.length, gzipSync(code).length]);
}
// What an app that only throws and renders errors ships: the rest of the core tree-shakes away.
const minimal = await build({
  stdin: { contents: "export { createFaultline, errors } from './dist/esm/src/index.js';", resolveDir: root },
  bundle: true, minify: true, format: 'esm', platform: 'neutral', write: false, external, logLevel: 'silent',
});
const minimalCode = minimal.outputFiles[0].contents;
rows.push(['`{ createFaultline, errors }` only', minimalCode.length, gzipSync(minimalCode).length]);

console.log('| entry point | minified | minified + gzipped |\n|---|---:|---:|');
for (const [name, min, gz] of rows) console.log(`| ${name} | ${(min / 1024).toFixed(1)} kB | ${(gz / 1024).toFixed(1)} kB |`);
console.log('\n(each adapter bundle includes the core it uses)');
