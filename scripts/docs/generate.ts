/// <reference types="node" />
// `npm run docs:generate`, run by docs:dev and docs:build before VitePress: the pages made from the
// code rather than written by hand, into the site's source (gitignored; made fresh at every build).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateApiReference } from './api-reference.js';
import { generateErrorReference } from './error-reference.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const docs = join(root, 'docs');

await generateErrorReference(root, {
  page: join(docs, 'reference/errors.md'),
  html: join(docs, 'public/errors.html'),
  htmlLink: '/errors.html',
});
console.log('docs: error reference → docs/reference/errors.md, docs/public/errors.html');
await generateApiReference(root, join(docs, 'api'));
console.log('docs: API reference → docs/api/');
