import { describe, expect, it } from 'vitest';
import { createFaultline, type ErrorResponse } from '../../src/index.js';
import { SEED_EXAMPLES } from './all-examples.js';
import { exampleTitle } from './example.js';
import type { PresetRequest } from './harness/preset-harness.js';

function isResponse(value: unknown): value is ErrorResponse {
  return typeof value === 'object' && value !== null && typeof (value as ErrorResponse).status === 'number' && 'body' in value && !(value instanceof Error);
}

// The same examples as the HTTP suites, through the core alone: what every adapter is handed.
describe('presets in the core: every documented example', () => {
  for (const { seed, preset, examples } of SEED_EXAMPLES) {
    describe(`${seed}`, () => {
      const runnable = examples.filter((example) => example.route !== undefined && example.viaFramework !== true);
      it.each(runnable.map((example) => [exampleTitle(seed, example), example] as const))('%s', async (_title, example) => {
        const faultline = createFaultline({ preset, ...example.options });
        const headers = example.request?.headers ?? {};
        const upload = example.request?.upload;
        const request: PresetRequest = {
          header: (name) => headers[name.toLowerCase()],
          body: upload === undefined ? undefined : JSON.parse(upload),
        };
        let response: ErrorResponse;
        try {
          const answered: unknown = await example.route?.(request);
          if (!isResponse(answered)) throw new Error('test bug: the route neither threw nor answered');
          response = answered;
          if (example.request?.method === 'HEAD') response = { ...response, body: null };
        } catch (thrown) {
          response = faultline.handle(thrown, { method: example.request?.method ?? 'GET', path: '/r' });
        }
        expect(response.status).toBe(example.status);
        expect(response.body).toBe(example.body);
        for (const [field, value] of Object.entries(example.headers ?? {})) {
          expect(response.headers[field], field).toBe(value === null ? undefined : value);
        }
      });
    });
  }
});
