import { createFaultline, HttpError, type FaultlineOptions } from '../../src/index.js';
import {
  catalogEntries,
  codeSlug,
  renderExample,
  statusPhrase,
  type ErrorCatalogInput,
  type ErrorFactoryLike,
  type RenderedExample,
} from '../../src/kit.js';
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

/** Where a documented code is described: its anchor (and page) name, and its problem `type` URI. */
export interface CodeLink {
  readonly code: string;
  /** The code in kebab case: the anchor on the page, the page of its own under a `typeBase` ending with `/`. */
  readonly slug: string;
  /** `typeBase` + `slug`, the `type` problem details carry for it: when the options have a `typeBase`. */
  readonly typeUri?: string;
}

export interface StatusEntry {
  readonly status: number;
  readonly text: string;
  readonly description: string;
  /** `new HttpError(status)` (the status's default), rendered. */
  readonly example: ReferenceExample;
  readonly retry: RetryAdvice;
  /** The default code the options configure for the status (`codes: { 429: 'RATE_LIMITED' }`), when no catalog entry has it. */
  readonly defaultCode?: CodeLink;
}

export interface CodeEntry extends CodeLink {
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
  /** The options' `typeBase`: each documented code's problem `type` is it + the code's slug. */
  readonly typeBase?: string;
  readonly statuses: readonly StatusEntry[];
  readonly codes: readonly CodeEntry[];
}

// The page's own ids (sections, status examples): a code's anchor cannot take one of them.
const PAGE_IDS = /^(statuses|codes|examples|retry|status-\d{3})$/;

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

  const links = new Map<string, string>();
  const link = (code: string): CodeLink => {
    const slug = codeSlug(code);
    const taken = links.get(slug);
    if (taken !== undefined && taken !== code) throw new Error(`faultline: the codes "${taken}" and "${code}" would share the anchor (and problem type URI) "${slug}"; rename one`);
    if (PAGE_IDS.test(slug)) throw new Error(`faultline: the code "${code}" would take the page's own anchor "${slug}"; rename it`);
    links.set(slug, code);
    return { code, slug, ...(settings.typeBase === undefined ? {} : { typeUri: `${settings.typeBase}${slug}` }) };
  };

  const codes: CodeEntry[] = entries.map((factory) => {
    const needsSample = RETRY_STATUSES.has(factory.status) && factory.definition.retryAfter === undefined;
    const thrown = needsSample ? (factory as unknown as (init: { retryAfter: number }) => unknown)({ retryAfter: sample }) : factory();
    return {
      ...link(factory.code),
      status: factory.status,
      text: statusPhrase(factory.status),
      description: factory.definition.description ?? factory.definition.message,
      causes: factory.definition.causes ?? [],
      example: { rendered: renderExample(faultline, thrown), ...(needsSample ? { sampleRetryAfter: sample } : {}) },
    };
  });

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
      const configured = settings.codes.get(status);
      return {
        status,
        text: statusPhrase(status),
        description: statusDescriptions?.[status] ?? entryDescription(entries, status) ?? settings.messages.get(status) ?? statusPhrase(status),
        example: { rendered, ...(withSample ? { sampleRetryAfter: sample } : {}) },
        retry: retryGuidance(status, rendered.body),
        // A default code the options configure is documented here, unless a catalog entry has it.
        ...(configured === undefined || links.get(codeSlug(configured)) === configured ? {} : { defaultCode: link(configured) }),
      };
    });

  return {
    title: title ?? 'Error reference',
    envelope: settings.envelope.name,
    mediaType: (settings.envelope.contentType.split(';')[0] ?? '').trim(),
    ...(options.preset === undefined ? {} : { preset: options.preset.name }),
    ...(settings.typeBase === undefined ? {} : { typeBase: settings.typeBase }),
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
