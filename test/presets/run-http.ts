import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FaultlineOptions } from '../../src/index.js';
import type { RunningApp } from '../harness/harness.js';
import { exampleTitle, type DocumentedExample, type SeedExamples } from './example.js';
import type { PresetHarness, PresetRoute } from './harness/preset-harness.js';
import { wireRequest } from './http-request.js';

const NO_OPTIONS: FaultlineOptions = {};

/**
 * Runs every example of every seed through one framework over real HTTP on 127.0.0.1: one app per
 * (preset, options), `errorHandler({ preset, ...options })`, each example a route of its own.
 */
export function describePresetExamples(harness: PresetHarness, seeds: readonly SeedExamples[]): void {
  describe(`presets over HTTP: ${harness.framework}`, () => {
    for (const { seed, preset, examples } of seeds) {
      describe(`${seed}`, () => {
        const groups = new Map<FaultlineOptions, DocumentedExample[]>();
        for (const example of examples) {
          const key = example.options ?? NO_OPTIONS;
          groups.set(key, [...(groups.get(key) ?? []), example]);
        }
        const apps = new Map<FaultlineOptions, RunningApp>();
        const routeName = new Map<DocumentedExample, string>();
        beforeAll(async () => {
          for (const [options, group] of groups) {
            const routes: Record<string, PresetRoute> = {};
            group.forEach((example, index) => {
              if (example.route === undefined) return;
              routes[`e${index}`] = example.route;
              routeName.set(example, `e${index}`);
            });
            apps.set(options, await harness.start({ options: { preset, ...options }, routes }));
          }
        });
        afterAll(async () => {
          await Promise.all([...apps.values()].map((app) => app.close()));
        });

        for (const example of examples) {
          it(`${exampleTitle(seed, example)}`, async () => {
            const app = apps.get(example.options ?? NO_OPTIONS) as RunningApp;
            const name = routeName.get(example);
            const upload = example.request?.upload;
            const path = name === undefined ? '/pins/missing' : upload !== undefined ? `/upload/${name}` : `/r/${name}`;
            const headers: Record<string, string> = { ...example.request?.headers };
            if (upload !== undefined) headers['content-type'] = 'application/json';
            const response = await wireRequest(app.url + path, {
              method: example.request?.method ?? (upload !== undefined ? 'POST' : 'GET'),
              headers,
              ...(upload !== undefined ? { body: upload } : {}),
            });
            expect(response.status).toBe(example.status);
            expect(response.body).toBe(example.body ?? '');
            for (const [field, value] of Object.entries(example.headers ?? {})) {
              expect(response.headers.get(field) ?? [], field).toEqual(value === null ? [] : [value]);
            }
          });
        }
      });
    }
  });
}
