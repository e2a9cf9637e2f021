import { ENVELOPES } from '../envelopes/index.js';
import type { Fault } from '../fault/fault.js';
import type { Settings } from '../options.js';
import { defaultCode, statusPhrase } from '../status/lookup.js';
import type { RequestFacts } from '../request-facts.js';
import type { ErrorResponse } from './error-response.js';

/** A renderer as `createFaultline` holds it: Fault and request in, response out. */
export type Renderer = (fault: Fault, request?: RequestFacts) => ErrorResponse;

const BUILT_IN: ReadonlySet<unknown> = new Set(Object.values(ENVELOPES));

/**
 * Most error responses are a status's default (`errors.notFound()`, a hidden 500, a route that
 * matched nothing): their status, headers and body depend only on the status and the handler's
 * options, so each is rendered once per handler and the same frozen response is handed out again.
 * Anything else (own message or code, headers, issues, members, a retry time, debug output) goes
 * through `render` every time. Custom envelopes are never cached: nothing says their body is a
 * pure function of the fault (a timestamp, a counter); nor is anything with `instance`, which is
 * per request (`typeBase` is per handler: a default's `type` is the same for every request).
 */
export function withDefaultResponses(settings: Settings, render: Renderer): Renderer {
  if (settings.debug || settings.instance !== undefined || !BUILT_IN.has(settings.envelope)) return render;
  for (const variant of settings.variants.values()) if (!BUILT_IN.has(variant)) return render;
  // Indexed by status * 2 + expose: a dense array, one read on the hot path.
  const cache: (ErrorResponse | undefined)[] = [];
  return (fault, request) => {
    if (!isDefaultFault(fault)) return render(fault, request);
    const key = fault.status * 2 + (fault.expose ? 1 : 0);
    let response = cache[key];
    if (response === undefined) {
      const rendered = render(fault);
      response = Object.freeze({ status: rendered.status, headers: Object.freeze({ ...rendered.headers }), body: rendered.body });
      cache[key] = response;
    }
    return request?.method === 'HEAD' ? { status: response.status, headers: response.headers, body: null } : response;
  };
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
