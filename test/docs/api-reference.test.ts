// The API reference generator on a package of its own: one page per package.json entry point,
// named as a user imports it, made from the JSDoc; a {@link} to nothing fails it.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { generateApiReference } from '../../scripts/docs/api-reference.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
// Inside the repository, so TypeDoc and its plugins resolve from its node_modules.
const scratch = join(root, '.tmp', `api-reference-${process.pid}`);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A package named `demo` with a root and a `demo/extra` entry point, and the given sources. */
function demoPackage(name: string, sources: Record<string, string>): string {
  const dir = join(scratch, name);
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({
      name: 'demo',
      exports: {
        '.': { import: { types: './dist/esm/src/index.d.ts', default: './dist/esm/src/index.js' } },
        './extra': { import: { types: './dist/esm/src/extra.d.ts', default: './dist/esm/src/extra.js' } },
        './package.json': './package.json',
      },
    }),
  );
  writeFileSync(
    join(dir, 'tsconfig.build.json'),
    JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: true, types: [] }, include: ['src'] }),
  );
  for (const [file, text] of Object.entries(sources)) writeFileSync(join(dir, 'src', file), text);
  return dir;
}

describe('the API reference, from the JSDoc of each entry point', () => {
  it('one page per entry point, named as imported, with what the JSDoc says', async () => {
    const dir = demoPackage('ok', {
      'index.ts': "/** Throws a 429 when the rate limit is spent; see {@link Limits}. */\nexport function spend(points: number): void {\n  if (points < 0) throw new Error('negative');\n}\n\n/** How much a key may spend. */\nexport interface Limits {\n  /** Points per window. */\n  readonly points: number;\n}\n",
      'extra.ts': "/** The extra entry point's one value. */\nexport const answer = 42;\n",
    });
    const out = join(dir, 'api');
    await generateApiReference(dir, out);
    const main = readFileSync(join(out, 'demo.md'), 'utf8');
    expect(main.startsWith('# demo\n')).toBe(true);
    expect(main).toMatch(/### spend\(\)\n/);
    expect(main).toContain('Throws a 429 when the rate limit is spent; see [Limits](#limits).');
    expect(main).toMatch(/\| <a id="property-points"><\/a> `points` \| `readonly` \| `number` \| Points per window\. \|/);
    expect(readFileSync(join(out, 'demo/extra.md'), 'utf8')).toContain("The extra entry point's one value.");
    expect(readFileSync(join(out, 'index.md'), 'utf8')).toMatch(/\[demo\]\(demo\.md\)[\s\S]*\[demo\/extra\]\(demo\/extra\.md\)/);
  }, 120_000);

  it('a {@link} to nothing fails it', async () => {
    const dir = demoPackage('broken', {
      'index.ts': '/** See {@link NoSuchThing}. */\nexport const value = 1;\n',
      'extra.ts': 'export const other = 2;\n',
    });
    await expect(generateApiReference(dir, join(dir, 'api'))).rejects.toThrow('API reference: TypeDoc reported problems');
  }, 120_000);

  it('an entry point whose types cannot be traced to a source fails it, naming the export', async () => {
    const dir = demoPackage('untraced', { 'index.ts': 'export const value = 1;\n', 'extra.ts': 'export const other = 2;\n' });
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    pkg.exports['./extra'] = { import: { default: './dist/esm/src/extra.js' } };
    writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg));
    await expect(generateApiReference(dir, join(dir, 'api'))).rejects.toThrow('package.json exports["./extra"] has no import.types');
    expect(existsSync(join(dir, 'api'))).toBe(false);
  });
});
