/// <reference types="node" />
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

export const GUIDE_GROUPS = ['Frameworks', 'Features', 'Reference'] as const;
export type GuideGroup = (typeof GUIDE_GROUPS)[number];

/** One page of `docs/guide/`, as the sidebar lists it. */
export interface GuidePage {
  /** `fetch` for `docs/guide/fetch.md`. */
  readonly name: string;
  /** `/guide/fetch`. */
  readonly link: string;
  readonly title: string;
  readonly group: GuideGroup;
  /** Position in its group: frontmatter `order`, else the place of a known page, else after those. */
  readonly order: number;
}

// Where a page goes when its frontmatter does not say (`group: Features`): the pages the guide is
// planned to have, in reading order. Any other page is a feature, listed after these by title.
const KNOWN: Readonly<Record<GuideGroup, readonly string[]>> = {
  Frameworks: ['express', 'koa', 'hono', 'nest', 'nestjs', 'fastify', 'fetch', 'h3', 'elysia', 'writing-an-adapter'],
  Features: [
    'what-apps-throw',
    'throwing-errors',
    'envelopes',
    'presets',
    'options',
    'validation',
    'standard-schema',
    'rate-limiting',
    'correct-http',
    'observability',
    'logging',
    'languages',
    'client',
    'testing',
  ],
  Reference: ['error-reference', 'openapi', 'json-schemas', 'status-catalog', 'reliability', 'performance', 'runtimes', 'api', 'architecture'],
};
const UNKNOWN_ORDER = 1000;

/**
 * Reads one page's sidebar entry from its Markdown: frontmatter `title`, `group` and `order` when
 * given, else its `# ` heading and the group its name is known in. Throws, naming the file, for a
 * page without a title or with a group the sidebar does not have.
 */
export function guidePage(file: string, markdown: string): GuidePage {
  const name = basename(file, '.md');
  const { frontmatter, body } = splitFrontmatter(markdown);
  const title = frontmatter.title ?? headingTitle(body);
  if (title === undefined || title === '') throw new Error(`${file}: a guide page needs a "# Title" line or a frontmatter title`);
  const known = GUIDE_GROUPS.find((group) => KNOWN[group].includes(name));
  const group = frontmatter.group ?? known ?? 'Features';
  if (!(GUIDE_GROUPS as readonly string[]).includes(group)) {
    throw new Error(`${file}: group "${group}" is not one of ${GUIDE_GROUPS.join(', ')}`);
  }
  let order = known === group ? KNOWN[known].indexOf(name) : UNKNOWN_ORDER;
  if (frontmatter.order !== undefined) {
    order = Number(frontmatter.order);
    if (!Number.isFinite(order)) throw new Error(`${file}: order "${frontmatter.order}" is not a number`);
  }
  return { name, link: `/guide/${name}`, title, group: group as GuideGroup, order };
}

/** Every page of a guide directory (its `index.md` is the guide's own page, not an entry). */
export function readGuidePages(dir: string): GuidePage[] {
  let files: string[];
  try {
    files = readdirSync(dir);
  } catch {
    return [];
  }
  return files
    .filter((file) => file.endsWith('.md') && file !== 'index.md')
    .map((file) => guidePage(join(dir, file), readFileSync(join(dir, file), 'utf8')));
}

/** The pages of each group, in order: by `order`, then by title. Empty groups are left out. */
export function groupGuidePages(pages: readonly GuidePage[]): { group: GuideGroup; pages: GuidePage[] }[] {
  return GUIDE_GROUPS.map((group) => ({
    group,
    pages: pages.filter((page) => page.group === group).toSorted((a, b) => a.order - b.order || a.title.localeCompare(b.title, 'en')),
  })).filter(({ pages: inGroup }) => inGroup.length > 0);
}

// The frontmatter the sidebar reads is flat `key: value` lines; anything else in it is VitePress's.
function splitFrontmatter(markdown: string): { frontmatter: Partial<Record<'title' | 'group' | 'order', string>>; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(markdown);
  if (match === null) return { frontmatter: {}, body: markdown };
  const frontmatter: Partial<Record<'title' | 'group' | 'order', string>> = {};
  for (const line of (match[1] as string).split(/\r?\n/)) {
    const field = /^(title|group|order):\s*(.*?)\s*$/.exec(line);
    if (field !== null) frontmatter[field[1] as 'title' | 'group' | 'order'] = unquote(field[2] as string);
  }
  return { frontmatter, body: markdown.slice(match[0].length) };
}

function unquote(value: string): string {
  return /^(["']).*\1$/.test(value) ? value.slice(1, -1) : value;
}

// The first level-one heading outside code fences, as text: `# The \`fetch\` adapter {#fetch}` → The fetch adapter.
function headingTitle(body: string): string | undefined {
  let fence: string | undefined;
  for (const line of body.split(/\r?\n/)) {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker !== undefined) {
      if (fence === undefined) fence = marker;
      else if (marker.startsWith(fence)) fence = undefined;
      continue;
    }
    if (fence === undefined && line.startsWith('# ')) {
      return line.slice(2).replace(/\s*\{#[^}]*\}\s*$/, '').replace(/`([^`]*)`/g, '$1').replace(/\*\*|__/g, '').trim();
    }
  }
  return undefined;
}
