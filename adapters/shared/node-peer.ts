// Optional peers (ajv, ajv-formats, rate-limiter-flexible) are loaded on first use, never at import:
// an app that uses neither validation nor a default limiter needs neither installed. The CommonJS
// build resolves them from faultline's own location, as any dependency; the ES module build from
// the application's directory, where peers live. For the Node adapters (Express, Koa, Fastify,
// Nest); the core itself loads no module.
import { createRequire } from 'node:module';

export function loadPeer(id: string): unknown {
  // `__filename` exists only in CommonJS; a bundler rewrites a bare `require`, never this test.
  return createRequire(typeof __filename === 'string' ? __filename : `${process.cwd()}/`)(id);
}
