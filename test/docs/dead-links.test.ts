// `docs:build` fails on a dead link: the site's own config (not a copy of it) on a one-page site
// whose page links nowhere. VitePress checks by default; this fails if the config ever turns it off.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
// Inside the repository, so the site's config resolves vitepress from its node_modules.
const site = join(root, '.tmp', `dead-link-site-${process.pid}`);
afterAll(() => rmSync(site, { recursive: true, force: true }));

describe('the site\'s config keeps dead links fatal', () => {
  it('a page linking to a page that does not exist fails the build, naming link and page', () => {
    mkdirSync(join(site, '.vitepress'), { recursive: true });
    writeFileSync(join(site, '.vitepress', 'config.ts'), `export { default } from ${JSON.stringify(join(root, 'docs/.vitepress/config.ts'))};\n`);
    writeFileSync(join(site, 'index.md'), '# A page\n\nSee [the rate limiting guide](/guide/no-such-page).\n');
    const build = spawnSync(process.execPath, [join(root, 'node_modules/vitepress/bin/vitepress.js'), 'build', site], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      timeout: 300_000,
    });
    const output = `${build.stdout}\n${build.stderr}`;
    expect(build.status, output).not.toBe(0);
    expect(output).toMatch(/Found dead link \/guide\/no-such-page in file index\.md/);
  }, 300_000);
});
