/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One public entry point: what a user imports, and the source file behind it. */
export interface EntryPoint {
  /** `faultline`, `faultline/express`, … */
  readonly specifier: string;
  /** The TypeScript source, relative to the repository root: `adapters/express/index.ts`. */
  readonly source: string;
}

type Conditions = { readonly import?: { readonly types?: string } };

/**
 * The package's entry points, read from package.json `exports`: an entry point added there is
 * documented without touching the docs. `./dist/esm/adapters/express/index.d.ts` → `adapters/express/index.ts`.
 */
export function entryPoints(root: string): EntryPoint[] {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; exports: Record<string, Conditions | string> };
  const found: EntryPoint[] = [];
  for (const [key, target] of Object.entries(pkg.exports)) {
    if (typeof target === 'string') continue; // ./package.json
    const types = target.import?.types;
    if (types === undefined) throw new Error(`package.json exports["${key}"] has no import.types: the API reference cannot find its source`);
    const source = types.replace(/^\.\/dist\/esm\//, '').replace(/\.d\.ts$/, '.ts');
    found.push({ specifier: key === '.' ? pkg.name : `${pkg.name}/${key.slice(2)}`, source });
  }
  return found;
}
