// The site's sidebar is made from the files under docs/guide/: a page another branch adds lands in
// its group without a config change, and a page the sidebar cannot place fails the build by name.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { groupGuidePages, guidePage, readGuidePages } from '../../docs/.vitepress/guide-pages.js';
import { siteSidebar } from '../../docs/.vitepress/sidebar.js';
import { entryPoints } from '../../scripts/docs/entry-points.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'faultline-guide-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A guide directory holding the given pages (name → Markdown). */
function guide(pages: Record<string, string>): string {
  const dir = mkdtempSync(join(scratch, 'guide-'));
  for (const [name, markdown] of Object.entries(pages)) writeFileSync(join(dir, name), markdown);
  return dir;
}

/** The sidebar groups as `group: title, title` lines. */
function outline(dir: string): string[] {
  return groupGuidePages(readGuidePages(dir)).map(({ group, pages }) => `${group}: ${pages.map((page) => page.title).join(', ')}`);
}

describe('the guide sidebar, from the files present', () => {
  it('puts the pages the guide is planned to have in their groups, in reading order', () => {
    const dir = guide({
      'testing.md': '# Testing an app that uses faultline\n',
      'h3.md': '# h3\n',
      'performance.md': '# Performance\n',
      'fetch.md': '# The `fetch` adapter\n',
      'writing-an-adapter.md': '# Writing an adapter\n',
      'elysia.md': '# Elysia\n',
      'what-apps-throw.md': '# What real apps throw\n',
      'observability.md': '# Observability\n',
      'error-reference.md': '# Generated error reference\n',
      'index.md': '# Guide\n',
      'notes.txt': 'not a page',
    });
    expect(outline(dir)).toEqual([
      'Frameworks: The fetch adapter, h3, Elysia, Writing an adapter',
      'Features: What real apps throw, Observability, Testing an app that uses faultline',
      'Reference: Generated error reference, Performance',
    ]);
    expect(readGuidePages(dir).find((page) => page.name === 'fetch')?.link).toBe('/guide/fetch');
  });

  it('a page it does not know is a feature, after the known ones, by title', () => {
    const dir = guide({ 'client.md': '# The client\n', 'zebra.md': '# Zebras\n', 'aardvark.md': '# Aardvarks\n' });
    expect(outline(dir)).toEqual(['Features: The client, Aardvarks, Zebras']);
  });

  it('frontmatter decides the title, group and order', () => {
    const dir = guide({
      'budgets.md': '---\ntitle: "Error budgets"\ngroup: Reference\norder: -1\n---\n\n# Budgets, long title\n',
      'runtimes.md': '# Runtimes\n',
      'express.md': '---\ngroup: Features\n---\n# Express, as a feature\n',
    });
    expect(outline(dir)).toEqual(['Features: Express, as a feature', 'Reference: Error budgets, Runtimes']);
  });

  it('the title is the first # heading outside code, as text', () => {
    expect(guidePage('a.md', '```md\n# not this\n```\n\n## Nor this\n# The `fetch` adapter {#fetch}\n').title).toBe('The fetch adapter');
    expect(guidePage('a.md', '~~~\n# not this\n~~~\n# **Bold** title\n').title).toBe('Bold title');
  });

  it.each([
    ['untitled.md', 'Some text, no heading.\n', /untitled\.md: a guide page needs a "# Title" line or a frontmatter title/],
    ['grouped.md', '---\ngroup: Recipes\n---\n# Recipes\n', /grouped\.md: group "Recipes" is not one of Frameworks, Features, Reference/],
    ['ordered.md', '---\norder: first\n---\n# Ordered\n', /ordered\.md: order "first" is not a number/],
  ])('%s fails the build by name', (file, markdown, message) => {
    expect(() => guidePage(join('docs/guide', file), markdown)).toThrow(message);
  });

  it('no guide directory: no guide groups, the references still listed', () => {
    const sidebar = siteSidebar(readGuidePages(join(scratch, 'missing')), entryPoints(root));
    expect(sidebar.map((group) => group.text)).toEqual(['Reference']);
    expect(sidebar[0]?.items?.map((item) => item.text)).toEqual(['API reference', 'Error reference (example API)']);
  });

  it('the API reference lists every entry point of package.json, as a user imports it', () => {
    const dir = mkdtempSync(join(scratch, 'pkg-'));
    mkdirSync(join(dir, 'src'));
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({
        name: 'faultline',
        exports: {
          '.': { import: { types: './dist/esm/src/index.d.ts' } },
          './fetch': { import: { types: './dist/esm/adapters/fetch/index.d.ts' } },
          './package.json': './package.json',
        },
      }),
    );
    expect(entryPoints(dir)).toEqual([
      { specifier: 'faultline', source: 'src/index.ts' },
      { specifier: 'faultline/fetch', source: 'adapters/fetch/index.ts' },
    ]);
    const api = siteSidebar([], entryPoints(dir))[0]?.items?.[0];
    expect(api?.items).toEqual([
      { text: 'faultline', link: '/api/faultline' },
      { text: 'faultline/fetch', link: '/api/faultline/fetch' },
    ]);
  });

  it('every page of this repository\'s guide can be placed', () => {
    expect(() => readGuidePages(join(root, 'docs/guide'))).not.toThrow();
    expect(readGuidePages(join(root, 'docs/guide')).length).toBeGreaterThan(0);
  });
});
