// Optional peers (ajv, ajv-formats) for the web-standard adapters (Hono, h3, Elysia), loaded on the
// first validate() without `{ ajv }`: with `require` in the CommonJS build, else through Node's
// (Bun's, Deno's) `process.getBuiltinModule`, resolving from the application's directory, with no
// import of a Node module, so the adapters load on Workers too. Elsewhere, pass your own `{ ajv }`.

interface NodeLike {
  readonly process?: {
    getBuiltinModule?(id: string): { createRequire?(path: string): (id: string) => unknown } | undefined;
    cwd?(): string;
  };
}

export function loadPeer(id: string): unknown {
  // `__filename` exists only in CommonJS (and Bun); a bundler rewrites a bare `require`, never this test.
  if (typeof __filename === 'string') return require(id);
  const { process } = globalThis as NodeLike;
  const createRequire = process?.getBuiltinModule?.('module')?.createRequire;
  if (createRequire === undefined || process?.cwd === undefined) {
    throw new Error(`faultline: cannot load ${id} on this runtime; pass validate(schemas, { ajv })`);
  }
  return createRequire(`${process.cwd()}/`)(id);
}
