/// <reference types="node" />
import { existsSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isErrorCatalog, isErrorFactory, type ErrorFactoryLike } from '../src/kit.js';

const TYPESCRIPT = new Set(['.ts', '.mts', '.cts', '.tsx']);

/**
 * Imports the module at `path` (relative to `cwd`): JavaScript natively, TypeScript through tsx's
 * API (an optional dependency of the CLI: the library itself never needs it).
 */
export async function importModule(path: string, cwd: string): Promise<Record<string, unknown>> {
  const file = resolve(cwd, path);
  // Checked first: the import's own error would name the module it was resolved from, not this one.
  if (!existsSync(file)) throw new Error(`faultline: --catalog ${path}: no such file (${file})`);
  const url = pathToFileURL(file).href;
  if (!TYPESCRIPT.has(extname(file))) return (await import(url)) as Record<string, unknown>;
  let tsImport: (specifier: string, parentURL: string) => Promise<unknown>;
  try {
    ({ tsImport } = await import('tsx/esm/api'));
  } catch {
    throw new Error(`faultline: ${path} is TypeScript; install tsx (npm install -D tsx) to load it, or pass the compiled JavaScript`);
  }
  return (await tsImport(url, pathToFileURL(resolve(cwd, 'index.js')).href)) as Record<string, unknown>;
}

/**
 * Every `defineErrors` factory a module exports: its catalogs' entries and factories exported on
 * their own, each once, in export order. Recognised by shape, so the user's copy of faultline makes
 * them as well as this one.
 */
export function exportedFactories(exports: Record<string, unknown>): ErrorFactoryLike[] {
  const found: ErrorFactoryLike[] = [];
  const add = (factory: ErrorFactoryLike) => {
    if (!found.includes(factory)) found.push(factory);
  };
  for (const value of Object.values(exports)) {
    if (isErrorFactory(value)) add(value);
    else if (isErrorCatalog(value)) Object.values(value).forEach(add);
  }
  return found;
}
