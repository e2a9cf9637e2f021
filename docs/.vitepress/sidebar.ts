import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DefaultTheme } from 'vitepress';
import type { EntryPoint } from '../../scripts/docs/entry-points.js';
import { groupGuidePages, type GuidePage } from './guide-pages.js';

/** The generated pages, listed in the Reference group after the guide's own reference pages. */
export const GENERATED = {
  api: '/api/',
  errors: '/reference/errors',
  errorsHtml: '/errors.html',
} as const;

/**
 * The site's one sidebar: the guide's pages by group (Frameworks, Features, Reference), then in
 * Reference the API reference of every entry point and the example API's error reference. Built
 * from the files present, so a page added under docs/guide/ appears without editing the config.
 */
export function siteSidebar(pages: readonly GuidePage[], entries: readonly EntryPoint[]): DefaultTheme.SidebarItem[] {
  const groups = groupGuidePages(pages);
  const items = (group: string) => (groups.find((g) => g.group === group)?.pages ?? []).map((page) => ({ text: page.title, link: page.link }));
  return [
    ...groups.filter((g) => g.group !== 'Reference').map((g) => ({ text: g.group, items: items(g.group) })),
    {
      text: 'Reference',
      items: [
        ...items('Reference'),
        {
          text: 'API reference',
          link: GENERATED.api,
          collapsed: true,
          items: entries.map((entry) => ({ text: entry.specifier, link: apiLink(entry) })),
        },
        { text: 'Error reference (example API)', link: GENERATED.errors },
      ],
    },
  ];
}

const API_DIR = fileURLToPath(new URL('../api/', import.meta.url));

/**
 * Where TypeDoc writes an entry point's page: `faultline/express` → `/api/faultline/express`; a
 * module with namespaces of its own becomes a folder (`faultline/kit` → `/api/faultline/kit/`).
 */
export function apiLink(entry: EntryPoint): string {
  return existsSync(join(API_DIR, entry.specifier, 'index.md')) ? `${GENERATED.api}${entry.specifier}/` : `${GENERATED.api}${entry.specifier}`;
}
