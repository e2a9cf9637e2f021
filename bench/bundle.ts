// The benchmarks run faultline as users install it: each file that runs as a process (an HTTP
// server, a memory subject) is bundled once with esbuild, its imports of faultline's sources
// pointed at the built package (dist/esm, what `npm run build` publishes), frameworks left to
// node_modules. Run through tsx instead, every closure faultline makes per request would carry
// tsx's `__name()` wrapper (a defineProperty per call), a cost no published build has: the Nest
// memory subject took 1.4 times as long under tsx.
import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

// `../../../adapters/hono/index.js` → dist/esm/adapters/hono/index.js, imported as it is published.
const builtFaultline: Plugin = {
  name: 'built-faultline',
  setup(bundler) {
    bundler.onResolve({ filter: /^(\.\.\/)+(adapters|src)\// }, (args) => {
      const fromRoot = join(args.resolveDir, args.path).slice(ROOT.length).replace(/^\/+/, '');
      return { path: join(ROOT, 'dist', 'esm', fromRoot), external: true };
    });
  },
};

/**
 * Bundles each TypeScript entry (after `npm run build`) into `.tmp/bench/<folder>/<name>.mjs`;
 * returns the path of each bundle by the entry's file name.
 */
export async function bundleAgainstBuild(entries: readonly string[], folder: string): Promise<ReadonlyMap<string, string>> {
  const outdir = join(ROOT, '.tmp', 'bench', folder);
  mkdirSync(outdir, { recursive: true });
  await build({
    entryPoints: [...entries],
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    plugins: [builtFaultline],
    logLevel: 'warning',
  });
  return new Map(entries.map((entry) => [basename(entry), join(outdir, basename(entry).replace(/\.ts$/, '.mjs'))]));
}
