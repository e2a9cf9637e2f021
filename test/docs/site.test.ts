// The documentation site as a reader gets it: `npm run docs:build` (which fails on a dead link),
// served on 127.0.0.1, opened in headless Chromium. Screenshots go to .tmp/screenshots/.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readGuidePages } from '../../docs/.vitepress/guide-pages.js';
import { apiLink, GENERATED, siteSidebar } from '../../docs/.vitepress/sidebar.js';
import { exportedFactories, importModule } from '../../cli/load-catalog.js';
import { EXAMPLE_CATALOG } from '../../scripts/docs/error-reference.js';
import { entryPoints } from '../../scripts/docs/entry-points.js';
import { codeSlug } from '../../src/kit.js';
import { launchChromium, type Browser } from '../support/browser.js';
import { serveStatic } from '../support/static-site.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dist = join(root, 'docs/.vitepress/dist');
const screenshots = join(root, '.tmp/screenshots');

let site: { url: string; close: () => Promise<void> };
let browser: Browser;

/** `npm run docs:build`, as a contributor runs it; resolves with its exit code and output. */
function docsBuild(): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', 'docs:build'], { cwd: root, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => void (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => void (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

beforeAll(async () => {
  const build = await docsBuild();
  if (build.code !== 0) throw new Error(`npm run docs:build exited ${build.code}:\n${build.output}`);
  site = await serveStatic(dist);
  browser = await launchChromium();
  mkdirSync(screenshots, { recursive: true });
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** Every page the build wrote, as the URL a reader opens (`/guide/fetch`, `/guide/`, `/errors.html`). */
function builtPages(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]));
  return walk(dist)
    .filter((file) => file.endsWith('.html') && !file.endsWith('404.html'))
    .map((file) => `/${relative(dist, file)}`)
    .map((path) => (readFileSync(join(dist, path), 'utf8').includes('__VP_HASH_MAP__') ? path.replace(/(^|\/)index\.html$/, '$1').replace(/\.html$/, '') : path))
    .toSorted();
}

/** Opens a page and collects what went wrong on it: console errors, page errors, failed requests. */
async function open(path: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`);
  });
  const response = await page.goto(`${site.url}${path}`, { waitUntil: 'networkidle' });
  if (response?.status() !== 200) problems.push(`${response?.status()}: ${path}`);
  return { page, problems };
}

/** The catalog codes of the example API, as `faultline docs` finds them. */
async function exampleCodes(): Promise<string[]> {
  return exportedFactories(await importModule(EXAMPLE_CATALOG, root)).map((factory) => factory.code);
}

describe('the documentation site in Chromium', () => {
  it('every page loads without a console error or a failed request, and shows its title', async () => {
    const pages = builtPages();
    // The pages made from the code are there: the API reference of every entry point and the
    // example API's error reference, in Markdown and as the standalone HTML page.
    for (const path of ['/', '/guide/', '/contributing', GENERATED.api, GENERATED.errors, GENERATED.errorsHtml, ...entryPoints(root).map(apiLink)]) {
      expect(pages).toContain(path);
    }
    for (const path of pages) {
      const { page, problems } = await open(path);
      expect(problems, path).toEqual([]);
      expect((await page.locator('h1').first().innerText()).trim(), path).not.toBe('');
      await page.close();
    }
  }, 300_000);

  it('an unknown path gets the site\'s 404 page, also without a console error', async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const response = await page.goto(`${site.url}/guide/no-such-page`, { waitUntil: 'networkidle' });
    expect(response?.status()).toBe(404);
    expect(await page.locator('.NotFound .title').innerText()).toMatch(/page not found/i);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the sidebar is the guide\'s pages by group, then the generated references', async () => {
    const { page } = await open('/guide/');
    const shown = await page.locator('.VPSidebar section.level-0').evaluateAll((groups) =>
      groups.map((group) => ({
        text: group.querySelector(':scope > .item .text')?.textContent?.trim(),
        links: [...group.querySelectorAll('a.VPLink')].map((a) => [a.textContent?.trim(), a.getAttribute('href')]),
      })),
    );
    const expected = siteSidebar(readGuidePages(join(root, 'docs/guide')), entryPoints(root)).map((group) => ({
      text: group.text,
      links: (group.items ?? []).flatMap((item) => [[item.text, item.link], ...(item.items ?? []).map((sub) => [sub.text, sub.link])]),
    }));
    expect(shown).toEqual(expected);
    expect(shown.at(-1)?.text).toBe('Reference');
    // The guide's own page lists the same groups (rendered from the sidebar in the browser).
    expect(await page.locator('.vp-doc .guide-group h2').allInnerTexts()).toEqual(expected.map((group) => group.text));
    await page.close();
  });

  it('the navigation finds "rate limit": nav, sidebar and outline to rateLimit() of faultline/express', async () => {
    const { page, problems } = await open('/');
    await page.locator('.VPNavBarMenuLink', { hasText: /^API$/ }).click();
    await page.waitForURL(`${site.url}${GENERATED.api}`);
    await page.locator('.VPSidebar a.VPLink', { hasText: /^faultline\/express$/ }).click();
    await page.waitForURL(`${site.url}/api/faultline/express`);
    await page.locator('.VPDocAsideOutline a.outline-link', { hasText: 'rateLimit()' }).click();
    await page.waitForURL(`${site.url}/api/faultline/express#ratelimit`);
    const heading = page.locator('h3#ratelimit');
    expect(await heading.innerText()).toMatch(/^rateLimit\(\)/);
    expect(await heading.isVisible()).toBe(true);
    // The section under it is the rate limiter's, in the reader's viewport.
    const section = await heading.evaluate((h) => {
      let text = '';
      for (let node = h.nextElementSibling; node !== null && node.tagName !== 'H3' && node.tagName !== 'HR'; node = node.nextElementSibling) text += node.textContent;
      return { text, top: h.getBoundingClientRect().top };
    });
    expect(section.text).toMatch(/rateLimit\(\{ limiter: new RateLimiterMemory/);
    expect(section.top).toBeGreaterThanOrEqual(0);
    expect(section.top).toBeLessThan(400);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the local search finds "rate limit", and a result leads to its section', async () => {
    const { page, problems } = await open('/');
    await page.locator('.VPNavBarSearch button').click();
    await page.locator('.VPLocalSearchBox input').fill('rate limit');
    const results = page.locator('.VPLocalSearchBox .results a.result');
    await results.first().waitFor();
    const found = await results.evaluateAll((links) => links.map((a) => ({ href: a.getAttribute('href') ?? '', label: a.getAttribute('aria-label') ?? '' })));
    expect(found.length).toBeGreaterThan(0);
    for (const result of found) expect(result.label, result.href).toMatch(/rate[ _-]?limit/i);
    // The guide's and the API reference's rate-limit sections are among them (the list is ranked, and capped).
    expect(found.some((result) => /#rate-?limit/i.test(result.href)), JSON.stringify(found)).toBe(true);
    // Enter opens the selected (first) result, scrolled to its heading.
    const first = found[0] as { href: string };
    await page.locator('.VPLocalSearchBox input').press('Enter');
    await page.waitForURL(`${site.url}${first.href}`);
    // The URL changes first; the page it names renders after, with the heading the result names.
    const id = decodeURIComponent(first.href.split('#')[1] as string);
    await page.locator(`.vp-doc [id="${id}"]`).waitFor();
    expect(await page.locator(`[id="${id}"]`).count()).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the home page: the pitch, the example, and a screenshot', async () => {
    const { page, problems } = await open('/');
    expect(await page.locator('.VPHero .name').innerText()).toBe('faultline');
    expect(await page.locator('.vp-doc pre').first().innerText()).toContain('npm install faultline express');
    expect(await page.locator('.vp-doc').innerText()).toContain("import { errorHandler, notFound } from 'faultline/express';");
    const shot = await page.screenshot({ path: join(screenshots, 'home.png'), fullPage: true });
    expect(shot.subarray(1, 4).toString()).toBe('PNG');
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('the example API\'s error reference in Chromium', () => {
  it('HTML: each catalog code\'s anchor (the end of its problem type URI) resolves to its entry', async () => {
    const codes = await exampleCodes();
    expect(codes).toContain('INSUFFICIENT_FUNDS');
    const { page, problems } = await open(GENERATED.errorsHtml);
    for (const code of codes) {
      await page.goto(`${site.url}${GENERATED.errorsHtml}#${codeSlug(code)}`);
      const target = await page.evaluate(() => {
        const element = document.querySelector(':target');
        return element && { id: element.id, code: element.querySelector('h3 code')?.textContent, top: element.getBoundingClientRect().top };
      });
      expect(target, code).toEqual({ id: codeSlug(code), code, top: expect.any(Number) });
      expect(Math.abs((target as { top: number }).top), code).toBeLessThan(2);
    }
    // Every in-page link of the page lands on an element.
    const dangling = await page.evaluate(() =>
      [...document.querySelectorAll('a[href^="#"]')].map((a) => a.getAttribute('href')?.slice(1) ?? '').filter((id) => document.getElementById(id) === null),
    );
    expect(dangling).toEqual([]);
    await page.goto(`${site.url}${GENERATED.errorsHtml}`);
    const shot = await page.screenshot({ path: join(screenshots, 'error-reference.html.png'), fullPage: true });
    expect(shot.subarray(1, 4).toString()).toBe('PNG');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the site page: each code has its kebab-case anchor there too, and a screenshot', async () => {
    const codes = await exampleCodes();
    const { page, problems } = await open(GENERATED.errors);
    for (const code of codes) {
      expect(await page.locator(`h3[id="${codeSlug(code)}"]`).innerText(), code).toContain(code);
    }
    // The note at the top links the standalone page, which is served.
    const link = page.locator('.vp-doc .info a', { hasText: 'errors.html' });
    expect(await link.getAttribute('href')).toBe(GENERATED.errorsHtml);
    const shot = await page.screenshot({ path: join(screenshots, 'error-reference.png'), fullPage: true });
    expect(shot.subarray(1, 4).toString()).toBe('PNG');
    expect(problems).toEqual([]);
    await page.close();
  });
});
