// Headless Chromium for the browser tests: Debian's `chromium` (found or installed before the run
// by services.ts; CHROMIUM names another), driven by playwright-core, which downloads no browser.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { servicePath } from './services.js';

// Nothing that reaches beyond this machine: with background networking, component updates or sync
// on, Chromium keeps trying Google's hosts and, on a closed network, can hang at start.
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

export interface Browser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/** Starts Chromium with a new, empty profile of its own (removed on close). */
export async function launchChromium(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'faultline-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: servicePath('chromium'),
    headless: true,
    args: [...CHROMIUM_FLAGS],
    viewport: { width: 1280, height: 800 },
    timeout: 60_000,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
