import { HttpError, presets, type EnvelopeName, type FaultlineOptions } from '../../src/index.js';
import { QUOTA_EXCEEDED } from '../../src/kit.js';
import type { DocumentedExample, SeedExamples } from './example.js';
import { SEED, seedPage } from './seed-page.js';

const seed = SEED.statusGuide;

/** The guide's list: `• 404 - Not Found: We're sorry, …`, every status it has, as written. */
export function guideEntries(): { status: number; phrase: string; description: string }[] {
  return [...seedPage(seed).matchAll(/^\s*•\s*(\d{3}) - ([^:]+): (.*)$/gm)].map((m) => ({
    status: Number(m[1]),
    phrase: m[2] as string,
    description: (m[3] as string).trim(),
  }));
}

/**
 * The reason phrase faultline uses for a guide entry: the guide's, but for the two documented
 * choices (226's "(HTTP Delta Encoding)" is an annotation; 417's "Exception Failed" is a typo).
 */
export function reasonPhrase(status: number, guidePhrase: string): string {
  if (status === 226) return guidePhrase.replace(/ \(HTTP Delta Encoding\)$/, '');
  if (status === 417) return 'Expectation Failed';
  return guidePhrase;
}

/** `I'm a teapot` → `IM_A_TEAPOT`. */
export function upperSnake(phrase: string): string {
  return phrase.replace(/['’]/g, '').toUpperCase().replace(/[^A-Z0-9]+/g, '_');
}

export const ENVELOPE_NAMES: readonly EnvelopeName[] = ['reason-details', 'error-message-code', 'status-object', 'numeric-code', 'problem-details'];

/** The exact body of a status in a style, built from the guide's words by each style's documented rule. */
export function expectedBody(envelope: EnvelopeName, status: number, phrase: string, message: string): string {
  const code = upperSnake(phrase);
  switch (envelope) {
    case 'reason-details':
      return JSON.stringify({ error: { reason: code, details: message } });
    case 'error-message-code':
      return JSON.stringify({ error: phrase, message, code });
    case 'status-object':
      return JSON.stringify({ status: { code: status, text: phrase, message } });
    case 'numeric-code':
      return JSON.stringify({ message, code: 0 });
    case 'problem-details':
      return status === 429
        ? JSON.stringify({ type: QUOTA_EXCEEDED.type, title: QUOTA_EXCEEDED.title, status, detail: message, 'violated-policies': ['default'] })
        : JSON.stringify({ type: 'about:blank', title: phrase, status, detail: message });
  }
}

const contentType = (envelope: EnvelopeName) => (envelope === 'problem-details' ? 'application/problem+json' : 'application/json; charset=utf-8');

// One options object per style: the HTTP suite starts one app per options object.
const byEnvelope = new Map<EnvelopeName, FaultlineOptions>(ENVELOPE_NAMES.map((envelope) => [envelope, { envelope }]));

const errorEntries = guideEntries().filter((entry) => entry.status >= 400);
const otherEntries = guideEntries().filter((entry) => entry.status < 400);
const serverError = guideEntries().find((entry) => entry.status === 500);

const everyErrorInEveryStyle: DocumentedExample[] = ENVELOPE_NAMES.flatMap((envelope) =>
  errorEntries.map(({ status, phrase, description }) => ({
    name: `${status} ${reasonPhrase(status, phrase)} in ${envelope}, the guide's description as its message`,
    options: byEnvelope.get(envelope),
    route: () => {
      throw new HttpError(status);
    },
    status,
    body: expectedBody(envelope, status, reasonPhrase(status, phrase), description),
    headers: { 'content-type': contentType(envelope), 'www-authenticate': status === 401 ? 'Bearer' : null },
  })),
);

const nonErrorsBecome500: DocumentedExample[] = otherEntries.flatMap(({ status, phrase }) => [
  {
    name: `${status} ${phrase} thrown as an error → 500`,
    route: () => {
      throw Object.assign(new Error(`moved to /v2 (${status})`), { status, statusCode: status });
    },
    status: 500,
    body: expectedBody('problem-details', 500, 'Internal Server Error', serverError?.description ?? 'missing 500 in the guide'),
    headers: { 'content-type': 'application/problem+json' },
  },
  {
    name: `new HttpError(${status}) → 500`,
    route: () => {
      throw new HttpError(status, 'Everything worked as expected');
    },
    status: 500,
    body: expectedBody('problem-details', 500, 'Internal Server Error', serverError?.description ?? 'missing 500 in the guide'),
  },
]);

export const seed004: SeedExamples = {
  seed,
  preset: presets.statusGuide,
  examples: [...everyErrorInEveryStyle, ...nonErrorsBecome500],
};
