import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleAgainstBuild } from '../bundle.js';

const SERVERS = fileURLToPath(new URL('./servers', import.meta.url));

/** Every server file of bench/macro/servers that runs as a process. */
export const SERVER_FILES = ['express.ts', 'fastify.ts', 'koa.ts', 'hono.ts', 'nest.ts', 'node-http.ts', 'unmatched.ts'] as const;

/** Bundles every server against the built package (after `npm run build`); returns each bundle's path by file name. */
export function buildServers(): Promise<ReadonlyMap<string, string>> {
  return bundleAgainstBuild(
    SERVER_FILES.map((file) => join(SERVERS, file)),
    'servers',
  );
}
