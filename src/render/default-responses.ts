import { ENVELOPES } from '../envelopes/index.js';
import type { Fault } from '../fault/fault.js';
import type { Settings } from '../options.js';
import { defaultCode, statusPhrase } from '../status/lookup.js';
import type { RequestFacts } from '../request-facts.js';
import type { ErrorResponse } from './error-response.js';
import { prepareBody } from './prepared-body.js';
import { NO_CONTEXT, type RenderContext } from './render-context.js';

/** A renderer as `createFaultline` holds it: Fault, request and its context in, response out. */
export type Renderer = (fault: Fault, request?: RequestFacts, context?: RenderContext) => ErrorResponse;

const BUILT_IN: ReadonlySet<unknown> = /* @__PURE__ */ (() => new Set(Object.values(ENVELOPES)))();

// Stands in for the request's trace id while a cached response is rendered; a real id (letters,
// digits and `._:+/=-`, see `isRequestId`) needs no JSON escaping, so it can take its place as is.
const TRACE_ID_SLOT = 'faultline:trace-id-slot';

/**
 * One default response, and, when `traceId` is on, its body cut where the trace id goes; `false`
 * when the envelope placed it more than once (then each traced response is rendered in full).
 */
interface Cached {
  readonly response: ErrorResponse;
  readonly traced?: readonly [before: string, after: string] | false;
}

/**
 * Most error responses are a status's default (`errors.notFound()`, a hidden 500, a route that
 * matched nothing): their status, headers and body depend only on the status, the handler's options
 * and the request's language, so each is rendered once per handler and language, and the same
 * frozen response is handed out again. A trace id is per request: it is spliced into the cached
 * body where the envelope put it, so it does not defeat the cache. Anything else (own message or
 * code, headers, issues, members, a retry time, debug output) goes through `render` every time.
 * Custom envelopes are never cached: nothing says their body is a pure function of the fault (a
 * timestamp, a counter); nor is anything with `instance`, which is per request (`typeBase` is per
 * handler: a default's `type` is the same for every request).
 */
export function withDefaultResponses(settings: Settings, render: Renderer): Renderer {
  if (settings.debug || settings.instance !== undefined || !BUILT_IN.has(settings.envelope)) return render;
  for (const variant of settings.variants.values()) if (!BUILT_IN.has(variant)) return render;
  // Per language, indexed by status * 2 + expose: dense arrays, two reads on the hot path.
  const caches: (Cached | undefined)[][] = [];
  const traced = settings.traceId !== undefined;
  return (fault, request, context = NO_CONTEXT) => {
    if (!isDefaultFault(fault)) return render(fault, request, context);
    const locale = context.locale?.index ?? 0;
    const cache = (caches[locale] ??= []);
    const key = fault.status * 2 + (fault.expose ? 1 : 0);
    const cached = (cache[key] ??= renderOnce(render, fault, context, traced));
    const { response, traced: slot } = cached;
    if (request?.method === 'HEAD') return { status: response.status, headers: response.headers, body: null };
    if (context.traceId === undefined || slot === undefined) return response;
    if (slot === false) return render(fault, request, context);
    return { status: response.status, headers: response.headers, body: slot[0] + context.traceId + slot[1] };
  };
}

function renderOnce(render: Renderer, fault: Fault, context: RenderContext, traced: boolean): Cached {
  const plain = render(fault, undefined, context.traceId === undefined ? context : { ...context, traceId: undefined });
  const response = Object.freeze({ status: plain.status, headers: Object.freeze({ ...plain.headers }), body: plain.body });
  // Its bytes, encoded once (an adapter writes them); a traced body spliced per request is not prepared.
  prepareBody(response);
  if (!traced) return { response };
  const slotted = render(fault, undefined, { ...context, traceId: TRACE_ID_SLOT }).body ?? '';
  const parts = slotted.split(TRACE_ID_SLOT);
  // One slot: spliced. None: the envelope has no place for it, the plain body is the answer.
  if (parts.length === 1) return { response };
  return { response, traced: parts.length === 2 ? (parts as [string, string]) : false };
}

/**
 * True when rendering the fault needs nothing but its status and whether it is exposed: it has only
 * the four members every fault has, and, if exposed, the status's own phrase and code. An unexposed
 * fault's message and code never leave (the production rule of `publicFault`), so they may vary.
 */
function isDefaultFault(fault: Fault): boolean {
  let members = 0;
  // Counting rather than naming the optional members: one added to Fault later is not missed.
  for (const _ in fault) members++;
  if (members !== 4) return false;
  return !fault.expose || (fault.message === statusPhrase(fault.status) && fault.code === defaultCode(fault.status));
}
