/// <reference types="node" />
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitepress';
import { entryPoints } from '../../scripts/docs/entry-points.js';
import { readGuidePages } from './guide-pages.js';
import { GENERATED, siteSidebar } from './sidebar.js';

const docs = fileURLToPath(new URL('..', import.meta.url));
const root = fileURLToPath(new URL('../..', import.meta.url));

// Dead links fail the build (VitePress's default; `ignoreDeadLinks` stays unset): the API
// reference and the error reference are generated before it (scripts/docs/generate.ts), so links
// into them are checked too.
export default defineConfig({
  lang: 'en-US',
  title: 'faultline',
  description: 'Everything your API throws leaves as a correct, consistent error: status, headers and a JSON envelope of your choice.',
  cleanUrls: true,
  head: [['link', { rel: 'icon', type: 'image/svg+xml', href: '/logo.svg' }]],
  themeConfig: {
    logo: '/logo.svg',
    nav: [
      { text: 'Guide', link: '/guide/', activeMatch: '^/guide/' },
      { text: 'API', link: GENERATED.api, activeMatch: '^/api/' },
      { text: 'Error reference', link: GENERATED.errors, activeMatch: '^/reference/' },
      { text: 'Contributing', link: '/contributing' },
    ],
    sidebar: siteSidebar(readGuidePages(`${docs}guide`), entryPoints(root)),
    outline: [2, 3],
    search: { provider: 'local' },
  },
});
