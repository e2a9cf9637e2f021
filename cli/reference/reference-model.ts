import { createFaultline, HttpError, type FaultlineOptions } from '../../src/index.js';
import { catalogEntries, codeSlug, renderExample, statusPhrase, type ErrorCatalogInput, type ErrorFactoryLike, type RenderedExample } from '../../src/kit.js';
import { retryGuidance, type RetryAdvice } from './retry-guidance.js';

/** What the page documents and how its examples are rendered (the handler's options, preset included). */
export interface ReferenceOptions extends Omit<FaultlineOptions, 'onError' | 'debug' | 'recognizers'> {
  /** The page's title. Default `Error reference`. */
  readonly title?: string;
  /**
   * Statuses listed besides those of the catalog and the options. Default: the ones every API
   * answers with (400 malformed or invalid request, 404 unmatched route, 500 unexpected error) and
   * the gateway statuses a client must handle (502, 503, 504).
   */
  readonly statuses?: readonly number[];
  /** Descriptions of statuses, over the ones the catalog and the options give. */
  readonly statusDescriptions?: Readonly<Record<number, string>>;
  /** The wait a 429 or 503 example is thrown with when its entry knows none. Default 60 seconds. */
  readonly sampleRetryAfter?: number;
}

export const DEFAULT_STATUSES: readonly number[] = [400, 404, 500, 502, 503, 504];

/** One rendered example: the thrown value's response, and what it was thrown with. */
export interface ReferenceExample {
  readonly rendered: RenderedExample;
  /** Set when the example was thrown with a sample wait (`retryAfter`). */
  readonly sampleRetryAfter?: number;
}

export interface StatusEntry {
  readonly status: number;
  readonly text: string;
  readonly description: string;
  /** `new HttpError(status)` (the status's default), rendered. */
  readonly example: ReferenceExample;
  readonly retry: RetryAdvice;
}

export interface CodeEntry {
  readonly code: string;
  /** The code in kebab case (`insufficient-funds`): its entry's anchor, and the end of its problem `type` URI. */
  readonly anchor: string;
  readonly status: number;
  readonly text: string;
  readonly description: string;
  readonly causes: readonly { readonly cause: string; readonly solution: string }[];
  /** The entry's factory called without arguments, rendered. */
  readonly example: ReferenceExample;
}

/** Everything an error reference page says, in any format. */
export interface ErrorReference {
  readonly title: string;
  /** The envelope's name (`status-object`) and its media type. */
  readonly envelope: string;
  readonly mediaType: string;
  readonly preset?: string;
  readonly statuses: readonly StatusEntry[];
  readonly codes: readonly CodeEntry[];
}

const RETRY_STATUSES = new Set([429, 503]);

/**
 * The facts of an error reference: every status with its text, description, example body and retry
 * guidance; every code with its status, description, causes and example body. Every example is
 * rendered by the core under the given options: the page cannot say what the API does not send.
 */
export function buildReference(catalog: ErrorCatalogInput, options: ReferenceOptions = {}): ErrorReference {
  const { title, statuses: extraStatuses, statusDescriptions, sampleRetryAfter, ...faultlineOptions } = options;
  const faultline = createFaultline({ ...faultlineOptions, debug: false });
  const { settings } = faultline;
  const sample = sampleRetryAfter ?? 60;
  const entries = catalogEntries(catalog);

  const codes: CodeEntry[] = entries.map((factory) => {
    const needsSample = RETRY_STATUSES.has(factory.status) && factory.definition.retryAfter === undefined;
    const thrown = needsSample ? (factory as unknown as (init: { retryAfter: number }) => unknown)({ retryAfter: sample }) : factory();
    return {
      code: factory.code,
      anchor: codeSlug(factory.code),
      status: factory.status,
      text: statusPhrase(factory.status),
      description: factory.definition.description ?? factory.definition.message,
      causes: factory.definition.causes ?? [],
      example: { rendered: renderExample(faultline, thrown), ...(needsSample ? { sampleRetryAfter: sample } : {}) },
    };
  });

  checkAnchors(codes);

  const listed = new Set<number>([
    ...entries.map((factory) => factory.status),
    ...settings.messages.keys(),
    ...settings.codes.keys(),
    ...[...settings.variants.keys()].map(Number).filter(Number.isInteger),
    ...(extraStatuses ?? DEFAULT_STATUSES),
  ]);
  const statuses: StatusEntry[] = [...listed]
    .filter((status) => status >= 400 && status <= 599)
    .toSorted((a, b) => a - b)
    .map((status) => {
      const withSample = RETRY_STATUSES.has(status);
      const rendered = renderExample(faultline, new HttpError(status, undefined, withSample ? { retryAfter: sample } : {}));
      return {
        status,
        text: statusPhrase(status),
        description: statusDescriptions?.[status] ?? entryDescription(entries, status) ?? settings.messages.get(status) ?? statusPhrase(status),
        example: { rendered, ...(withSample ? { sampleRetryAfter: sample } : {}) },
        retry: retryGuidance(status, rendered.body),
      };
    });

  return {
    title: title ?? 'Error reference',
    envelope: settings.envelope.name,
    mediaType: (settings.envelope.contentType.split(';')[0] ?? '').trim(),
    ...(options.preset === undefined ? {} : { preset: options.preset.name }),
    statuses,
    codes,
  };
}

/**
 * A status described by its catalog: the entry with the status's own code (`BAD_REQUEST` for a
 * 400), or the status's only entry, when it has a description.
 */
function entryDescription(entries: readonly ErrorFactoryLike[], status: number): string | undefined {
  const same = entries.filter((factory) => factory.status === status);
  const own = same.find((factory) => factory.code === new HttpError(status).code) ?? (same.length === 1 ? same[0] : undefined);
  return own?.definition.description;
}

/**
 * Each code needs an anchor of its own: two codes that differ only in case or punctuation
 * (`NOT_FOUND`, `not-found`) would share one page entry and one problem `type` URI.
 */
function checkAnchors(codes: readonly CodeEntry[]): void {
  const seen = new Map<string, string>();
  for (const { code, anchor } of codes) {
    if (anchor === '') throw new Error(`faultline: the code "${code}" has no letter or digit to make its anchor (and problem type URI) from; rename it`);
    const other = seen.get(anchor);
    if (other !== undefined) throw new Error(`faultline: the codes "${other}" and "${code}" would share the anchor (and problem type URI) "${anchor}"; rename one`);
    seen.set(anchor, code);
  }
}
