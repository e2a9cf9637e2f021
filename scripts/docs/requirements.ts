// What a snippet needs its page to have said before it: an `npm install` line naming every package
// it imports (their types and required peers included), and the tsconfig settings its syntax needs.
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { encloses, importedSpecifiers, installedPackages, packageOf, shownCompilerOptions, type Block } from './markdown.js';

/** Assumed by every TypeScript snippet: the README's Install section and docs/contributing.md say so. */
export const ASSUMED: ReadonlySet<string> = new Set(['faultline', 'typescript', '@types/node']);

/** What each faultline entry point needs installed beside it (the optional peers it cannot work without). */
const ENTRY_PEERS: Readonly<Record<string, readonly string[]>> = {
  'faultline/express': ['express'],
  'faultline/koa': ['koa'],
  'faultline/hono': ['hono'],
  'faultline/fastify': ['fastify'],
  'faultline/nest': ['@nestjs/common', '@nestjs/core', 'reflect-metadata', 'rxjs'],
  'faultline/nest/swagger': ['@nestjs/swagger'],
};

/** Features of a faultline entry point that load an optional peer when used. */
const FEATURE_PEERS: readonly {
  readonly pattern: RegExp;
  readonly packages: readonly string[];
  readonly what: string;
  /** When the feature does not load them after all. */
  readonly unless?: (code: string, specifiers: readonly string[]) => boolean;
}[] = [
  {
    pattern: /\bvalidate\(|@Validate\(|\bValidateInterceptor\b/,
    packages: ['ajv', 'ajv-formats'],
    what: 'validate() loads ajv and ajv-formats',
    // ajv is loaded on the first JSON Schema only: a block whose schemas all come from a Standard
    // Schema library (zod, valibot, arktype) and that writes no JSON Schema (`type: '…'`) never loads it.
    unless: (code, specifiers) => specifiers.some((s) => STANDARD_SCHEMA_LIBRARIES.has(packageOf(s))) && !/\btype:\s*['"]/.test(code),
  },
  { pattern: /@RateLimit\(\{\s*points\b|new RateLimitGuard\(\{\s*points\b/, packages: ['rate-limiter-flexible'], what: '@RateLimit({ points }) makes a RateLimiterMemory' },
];

/** Libraries whose schemas are Standard Schema validators: `validate()` runs them without ajv. */
const STANDARD_SCHEMA_LIBRARIES: ReadonlySet<string> = new Set(['zod', 'valibot', 'arktype', '@standard-schema/spec']);

interface Manifest {
  readonly types?: string;
  readonly typings?: string;
  readonly exports?: unknown;
  readonly peerDependencies?: Readonly<Record<string, string>>;
  readonly peerDependenciesMeta?: Readonly<Record<string, { readonly optional?: boolean }>>;
}

/** `express` → `@types/express`, `@koa/router` → `@types/koa__router`. */
function typesPackage(name: string): string {
  return `@types/${name.startsWith('@') ? name.slice(1).replace('/', '__') : name}`;
}

function manifest(root: string, name: string): Manifest | undefined {
  const file = join(root, 'node_modules', name, 'package.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Manifest) : undefined;
}

/** True when the package ships its own declarations (its manifest says so, or an index.d.ts sits beside it). */
function shipsTypes(root: string, name: string, pkg: Manifest): boolean {
  if (pkg.types !== undefined || pkg.typings !== undefined) return true;
  if (JSON.stringify(pkg.exports ?? {}).includes('"types"')) return true;
  return existsSync(join(root, 'node_modules', name, 'index.d.ts'));
}

/** What a block needs of its page: the problems found, and the compiler options its page shows. */
export interface Requirements {
  readonly problems: readonly string[];
  readonly compilerOptions: Readonly<Record<string, unknown>>;
}

/**
 * The problems of one TypeScript block, given the page's blocks before it: packages it uses that
 * no `npm install` line in its sections names (with their types and required peers), and tsconfig
 * settings its decorators need that no tsconfig block in its sections shows. Also returns the
 * compiler options those tsconfig blocks set, to compile it with. Packages are looked up in the
 * repository's node_modules, where every package the pages use is a devDependency.
 */
export function requirementsOf(block: Block, before: readonly Block[], root: string): Requirements {
  const scope = before.filter((other) => encloses(other, block));
  const named = new Set([...ASSUMED, ...scope.flatMap(installedPackages)]);
  const compilerOptions: Record<string, unknown> = Object.assign({}, ...scope.map(shownCompilerOptions).filter((o) => o !== undefined));
  const missing = new Map<string, string>();
  const need = (name: string, why: string): void => {
    if (!named.has(name) && !missing.has(name)) missing.set(name, why);
  };
  const specifiers = importedSpecifiers(block.code);
  for (const specifier of specifiers) {
    if (specifier.startsWith('.') || specifier.startsWith('node:') || builtinModules.includes(specifier)) continue;
    const name = packageOf(specifier);
    need(name, `imports ${specifier}`);
    for (const peer of ENTRY_PEERS[specifier] ?? []) need(peer, `${specifier} needs it`);
    const pkg = manifest(root, name);
    if (pkg === undefined) continue;
    if (name !== 'faultline' && !shipsTypes(root, name, pkg)) need(typesPackage(name), `${name} ships no types`);
    for (const peer of Object.keys(pkg.peerDependencies ?? {})) {
      if (pkg.peerDependenciesMeta?.[peer]?.optional !== true) need(peer, `a peer dependency of ${name}`);
    }
  }
  if (specifiers.some((s) => s.startsWith('faultline/'))) {
    for (const feature of FEATURE_PEERS) {
      if (!feature.pattern.test(block.code) || feature.unless?.(block.code, specifiers) === true) continue;
      for (const name of feature.packages) need(name, feature.what);
    }
  }
  const problems = [...missing].map(([name, why]) => `needs "${name}" in an npm install line above it (${why})`);
  if (/^\s*@[A-Za-z_$][\w$]*\s*\(/m.test(block.code)) {
    if (compilerOptions['experimentalDecorators'] !== true) problems.push('uses decorators: a tsconfig block above it must set "experimentalDecorators": true');
    if (specifiers.some((s) => s.startsWith('@nestjs/')) && compilerOptions['emitDecoratorMetadata'] !== true) {
      problems.push('uses Nest decorators: a tsconfig block above it must set "emitDecoratorMetadata": true');
    }
  }
  return { problems, compilerOptions };
}
