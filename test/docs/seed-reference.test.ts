import { describe, expect, it } from 'vitest';
import { buildReference, type ReferenceOptions } from '../../cli/reference/reference-model.js';
import { referenceHtml } from '../../cli/reference/html.js';
import { referenceMarkdown } from '../../cli/reference/markdown.js';
import { presets } from '../../src/index.js';
import { type ErrorCatalogInput } from '../../src/kit.js';
import { errorMessageCodeErrors, numericCodeErrors, reasonDetailsErrors, statusObjectErrors } from '../../src/presets/index.js';
import { expectedBody, guideEntries, reasonPhrase } from '../presets/examples-004.js';
import { documentedBody, SEED, seedPage, type SeedFile } from '../presets/seed-page.js';
import { htmlFacts, htmlProblems, markdownFacts, type PageFacts } from './page-facts.js';

/*
 * Each seed page regenerated from its preset (catalog and options), in Markdown and in HTML, then
 * read back: the statuses, codes and example bodies the seed documents must be on the generated
 * page with the same values. The facts are read from the seed files themselves.
 */

/** A documented body, as the value a client parses. */
const documented = (seed: SeedFile, marker: string, fill?: Record<string, unknown>): unknown => JSON.parse(documentedBody(seed, marker, fill));

/** Every example on the page with the status it is documented under. */
function examplesOf(facts: PageFacts): { status: number; where: string; body: unknown }[] {
  return [
    ...[...facts.codeExamples].map(([code, body]) => ({ status: facts.codes.get(code)?.status ?? 0, where: `code ${code}`, body })),
    ...[...facts.statusExamples].map(([status, body]) => ({ status, where: `status ${status}`, body })),
  ];
}

function expectExample(facts: PageFacts, status: number, body: unknown): void {
  const found = examplesOf(facts).filter((example) => example.status === status && JSON.stringify(example.body) === JSON.stringify(body));
  expect(found, `${status} ${JSON.stringify(body)}`).not.toEqual([]);
}

interface SeedCase {
  readonly seed: SeedFile;
  readonly catalog: ErrorCatalogInput;
  readonly options: ReferenceOptions;
  readonly facts: (page: PageFacts) => void;
}

const CASES: SeedCase[] = [
  {
    seed: SEED.reasonDetails,
    catalog: reasonDetailsErrors,
    options: { preset: presets.reasonDetails },
    facts(page) {
      const seed = SEED.reasonDetails;
      // The status headings: `404 Not Found`.
      const headings = [...seedPage(seed).matchAll(/^([45]\d\d) ([A-Z][A-Za-z ]+)$/gm)];
      expect(headings.length).toBeGreaterThanOrEqual(11);
      for (const [, status, text] of headings) expect(page.statuses.get(Number(status))?.text, status).toBe(text);
      // The service summaries: `| 409 | INSUFFICIENT_FUNDS | No credits |`.
      const codes = [...seedPage(seed).matchAll(/^\| ([45]\d\d) \| ([A-Z_]+) \| /gm)];
      expect(codes.length).toBeGreaterThanOrEqual(10);
      for (const [, status, code] of codes) expect(page.codes.get(code as string)?.status, code).toBe(Number(status));
      // The documented bodies, exactly ("[...]" is the page's elision of the accepted payments).
      expectExample(page, 401, documented(seed, '"UNAUTHORIZED"'));
      expectExample(page, 402, documented(seed, '"x402Version"', { '[...]': [] }));
      expectExample(page, 404, documented(seed, '"NOT_FOUND"'));
      expectExample(page, 409, documented(seed, '"INSUFFICIENT_FUNDS"'));
      expectExample(page, 413, documented(seed, '"PAYLOAD_TOO_LARGE"'));
      expectExample(page, 429, documented(seed, '"RATE_LIMITED"'));
      expectExample(page, 500, documented(seed, '"INTERNAL_SERVER_ERROR"'));
      // The 400's details are the page's placeholder ("Specific error message"): the shape and reason are the facts.
      const badRequest = documented(seed, '"BAD_REQUEST"') as { error: { reason: string } };
      expect(page.codeExamples.get('BAD_REQUEST')).toEqual({ error: { reason: badRequest.error.reason, details: expect.any(String) } });
      // "Action: Retry with exponential backoff." for a 500; 502-504 are retried.
      expect(page.retry.get(500)).toEqual({ retry: true, advice: expect.stringContaining('exponential backoff') });
      for (const status of [502, 503, 504]) expect(page.retry.get(status)?.retry, String(status)).toBe(true);
      expect(page.exampleHeaders.get('429')).toEqual(['Retry-After: 60']);
    },
  },
  {
    seed: SEED.errorMessageCode,
    catalog: errorMessageCodeErrors,
    options: { preset: presets.errorMessageCode },
    facts(page) {
      const seed = SEED.errorMessageCode;
      const text = seedPage(seed);
      // "Error codes reference": `INVALID_API_KEY / UNAUTHORIZED401API key or …` (the page lost its cell breaks).
      const reference = text.slice(text.indexOf('Error codes reference'), text.indexOf('By HTTP status'));
      const rows = [...reference.matchAll(/^(.+?)([45]\d\d)([A-Z].*)$/gm)];
      expect(rows).toHaveLength(6);
      for (const [, codes, status] of rows) {
        for (const code of (codes as string).split(' / ')) expect(page.codes.get(code)?.status, code).toBe(Number(status));
      }
      // "By HTTP status": `429Rate limit exceeded …`, `500 / 503Server or dependency error`.
      const byStatus = text.slice(text.indexOf('By HTTP status'), text.indexOf('Handling errors'));
      const statuses = [...byStatus.matchAll(/^(\d{3})(?: \/ (\d{3}))?[A-Z]/gm)].flatMap((m) => [m[1], m[2]]).filter((s) => s !== undefined).map(Number);
      expect(statuses.filter((s) => s >= 400)).toEqual([400, 401, 403, 404, 409, 413, 429, 500, 503]);
      for (const status of statuses.filter((s) => s >= 400)) expect(page.statuses.has(status), String(status)).toBe(true);
      expectExample(page, 401, documented(seed, '"INVALID_API_KEY"'));
      // "use retryAfter or Retry-After to retry later"
      expect(page.codeExamples.get('RATE_LIMIT')).toMatchObject({ code: 'RATE_LIMIT', retryAfter: 60 });
      expect(page.exampleHeaders.get('RATE_LIMIT')).toContain('Retry-After: 60');
      expect(page.retry.get(429)?.advice).toContain('`retryAfter` in the body');
    },
  },
  {
    seed: SEED.numericCode,
    catalog: numericCodeErrors,
    options: { preset: presets.numericCode },
    facts(page) {
      const seed = SEED.numericCode;
      const rows = [...seedPage(seed).matchAll(/^\| ([45]\d\d) \(([^)]+)\) \| (.+) \|$/gm)];
      expect(rows.length).toBe(16);
      for (const [, status] of rows) expect(page.statuses.has(Number(status)), status).toBe(true);
      expectExample(page, 401, documented(seed, '50014'));
      // "502, 504, 507, 522, 523, 524 should be retried with a backoff" (522-524 are Cloudflare's, not listed).
      for (const status of [502, 504, 507]) expect(page.retry.get(status)?.retry, String(status)).toBe(true);
      // Every listed status's example is `{"message": <the page's text>, "code": 0}`.
      expect(page.statusExamples.get(404)).toEqual({ message: "The resource at the location specified doesn't exist", code: 0 });
    },
  },
  {
    seed: SEED.statusObject,
    catalog: statusObjectErrors,
    options: { preset: presets.statusObject },
    facts(page) {
      const seed = SEED.statusObject;
      const rows = [...seedPage(seed).matchAll(/^([45]\d\d) \| ([^|]+) \| (.+) \|$/gm)];
      expect(rows.length).toBe(11);
      for (const [, status, text] of rows) expect(page.statuses.get(Number(status))?.text, status).toBe((text as string).trim());
      expectExample(page, 401, documented(seed, '"Invalid token."'));
      expect(page.exampleHeaders.get('401')).toEqual(['WWW-Authenticate: Bearer']);
      // `Example messages include "Account is disabled", …` for 403: each is a 403 example on the page.
      const messages = [...(seedPage(seed).match(/^403 \|.*$/m)?.[0] ?? '').matchAll(/"([^"]+)"/g)].map((m) => m[1]);
      expect(messages).toHaveLength(4);
      for (const message of messages) expectExample(page, 403, { status: { code: 403, text: 'Forbidden', message } });
    },
  },
  {
    seed: SEED.statusGuide,
    catalog: [],
    options: { preset: presets.statusGuide },
    facts(page) {
      const entries = guideEntries().filter((entry) => entry.status >= 400);
      expect(entries.length).toBeGreaterThan(35);
      for (const { status, phrase, description } of entries) {
        const text = reasonPhrase(status, phrase);
        expect(page.statuses.get(status), String(status)).toEqual({ text, description });
        expect(JSON.stringify(page.statusExamples.get(status)), String(status)).toBe(expectedBody('problem-details', status, text, description));
      }
      expect(page.codes.size).toBe(0);
    },
  },
];

describe.each(CASES)('$seed', ({ catalog, options, facts }) => {
  const reference = buildReference(catalog, options);

  it('Markdown: the facts of the seed page', () => {
    expect.hasAssertions();
    facts(markdownFacts(referenceMarkdown(reference)));
  });

  it('HTML: the same facts, and a well-formed page', () => {
    const html = referenceHtml(reference);
    expect(htmlProblems(html)).toEqual([]);
    facts(htmlFacts(html));
  });

  it('both formats state the same facts', () => {
    expect(htmlFacts(referenceHtml(reference))).toEqual(markdownFacts(referenceMarkdown(reference)));
  });
});
