import type { Locale } from '../locales/locales.js';
import type { Settings } from '../options.js';
import type { RequestFacts } from '../request-facts.js';

/** What an error response depends on besides the fault: the request's language and trace id. */
export interface RenderContext {
  /** Set whenever the `locales` option is. */
  readonly locale?: Locale;
  /** Set when the `traceId` option is on and the request has a well-formed id. */
  readonly traceId?: string;
}

/** The context of every request when neither `locales` nor `traceId` is set. */
export const NO_CONTEXT: RenderContext = /* @__PURE__ */ Object.freeze({});

/** The request's language and trace id, found once per error. Never throws. */
export function renderContext(settings: Settings, request: RequestFacts | undefined): RenderContext {
  const { locales, traceId } = settings;
  if (locales === undefined && traceId === undefined) return NO_CONTEXT;
  const id = traceId?.(request);
  if (locales === undefined) return id === undefined ? NO_CONTEXT : { traceId: id };
  const locale = locales.choose(request);
  return id === undefined ? locale.context : { locale, traceId: id };
}
