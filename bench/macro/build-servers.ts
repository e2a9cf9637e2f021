// The benchmark servers run faultline as users install it: each server file is bundled once with
// esbuild, its imports of faultline's sources pointed at the built package (dist/esm, what
// `npm run build` publishes), frameworks left to node_modules. Run through tsx instead, every closure
// faultline makes per request would carry tsx's `__name()` wrapper (a defineProperty per call), a
// cost no published build has.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SERVERS = fileURLToPath(new URL('./servers', import.meta.url));
const OUT = join(ROOT, '.tmp', 'bench', 'servers');

/** Every server file of bench/macro/servers that runs as a process. */
export const SERVER_FILES = ['express.ts', 'fastify.ts', 'koa.ts', 'hono.ts', 'nest.ts', 'node-http.ts', 'unmatched.ts'] as const;

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

/** Bundles every server (after `npm run build`); returns the path of each bundle by file name. */
export async function buildServers(): Promise<ReadonlyMap<string, string>> {
  mkdirSync(OUT, { recursive: true });
  const out = new Map<string, string>();
  await build({
    entryPoints: SERVER_FILES.map((file) => join(SERVERS, file)),
    outdir: OUT,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)),
    plugins: [builtFaultline],
    logLevel: 'warning',
  });
  for (const file of SERVER_FILES) out.set(file, join(OUT, file.replace(/\.ts$/, '.mjs')));
  return out;
}
