// Optional peers (ajv, ajv-formats, rate-limiter-flexible) are loaded on first use, never at import:
// an app that uses neither `@Validate` nor a default `@RateLimit` needs neither installed. The
// CommonJS build has `require`; the ES module build resolves from the application's directory,
// where peers live (as the Express and Koa adapters do).
import { createRequire } from 'node:module';

export function loadPeer(id: string): unknown {
  return (typeof require === 'function' ? require : createRequire(`${process.cwd()}/`))(id);
}
