import type { Envelope, PublicFault } from '../envelopes/envelope.js';
import { PROBLEM_CONTENT_TYPE } from '../envelopes/problem-details.js';
import type { Fault } from '../fault/fault.js';
import { varyWith } from '../headers/vary.js';
import { translated } from '../locales/translate.js';
import type { Settings } from '../options.js';
import { rateLimitHeaderFields } from '../rate-limit/headers.js';
import { withConnectionFields } from '../connection/connection-headers.js';
import { hasJsonAlternative } from '../negotiation/media-type.js';
import type { RequestFacts } from '../request-facts.js';
import type { ErrorResponse } from './error-response.js';
import { withProblemLinks } from './problem-links.js';
import { publicFault } from './public-fault.js';
import { serializeBody } from './serializers.js';
import { NO_CONTEXT, type RenderContext } from './render-context.js';

/**
 * The response for a fault: status, headers and body, in the envelope's own media type (content
 * negotiation swaps it afterwards, see `negotiated`), in the context's language and with its trace
 * id. Pure; never throws.
 */
export function renderWith(fault: Fault, settings: Settings, request?: RequestFacts, context: RenderContext = NO_CONTEXT): ErrorResponse {
  const method = request?.method;
  const visible = withProblemLinks(publicFault(fault, settings.messages, settings.debug, settings.codes), fault, settings, request);
  const shown = inContext(visible, fault, settings, context);
  const envelope = settings.variants.get(shown.code) ?? settings.variants.get(String(shown.status)) ?? settings.envelope;
  const body = serialize(envelope, shown);
  if (body === undefined) return fallbackResponse(settings, request, context);
  const headers = responseHeaders(fault, shown, envelope, settings, request);
  if (settings.locales !== undefined) {
    // The language of the message sent: the request's when a translation was used; otherwise the
    // error's own `Content-Language`, or the default language of faultline's and the app's texts.
    if (shown.message !== visible.message && context.locale !== undefined) headers['content-language'] = context.locale.tag;
    else headers['content-language'] ??= settings.locales.fallback.tag;
    headers['vary'] = varyWith(headers['vary'], 'Accept-Language');
  }
  return { status: fault.status, headers, body: method === 'HEAD' ? null : body };
}

function inContext(shown: PublicFault, fault: Fault, settings: Settings, context: RenderContext): PublicFault {
  let out = shown;
  if (context.locale !== undefined) out = translated(out, context.locale, settings.messages.get(fault.status) ?? shown.title);
  if (context.traceId !== undefined) out = { ...out, traceId: context.traceId };
  return out;
}

function serialize(envelope: Envelope, fault: PublicFault): string | undefined {
  try {
    return serializeBody(envelope, fault);
  } catch {
    return undefined;
  }
}

function responseHeaders(fault: Fault, shown: PublicFault, envelope: Envelope, settings: Settings, request: RequestFacts | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  // An unexposed fault keeps only what faultline itself derives (Retry-After, rate limits).
  if (fault.headers !== undefined && (fault.expose || settings.debug)) Object.assign(headers, fault.headers);
  if (fault.status === 401 && headers['www-authenticate'] === undefined && settings.challenge !== undefined) {
    headers['www-authenticate'] = settings.challenge;
  }
  if (fault.rateLimit !== undefined) {
    const standard = fault.rateLimit.standard !== undefined ? fault.rateLimit.standard : settings.rateLimitHeaders;
    Object.assign(headers, rateLimitHeaderFields(fault.rateLimit, standard));
  }
  if (shown.retryAfter !== undefined) headers['retry-after'] = String(shown.retryAfter);
  // Upgrade is hop-by-hop: named in Connection over HTTP/1.1, never sent over HTTP/2.
  withConnectionFields(headers, request);
  headers['content-type'] = envelope.contentType;
  headers['cache-control'] = 'no-store';
  if (settings.negotiate && hasJsonAlternative(envelope.contentType)) headers['vary'] = 'Accept';
  return headers;
}

const LAST_RESORT = /* @__PURE__ */ JSON.stringify({
  type: 'about:blank',
  title: 'Internal Server Error',
  status: 500,
  detail: 'Internal Server Error',
});

/**
 * When an envelope throws or yields nothing serialisable: a plain 500 in the configured envelope,
 * or, if that fails too, a fixed problem-details body.
 */
export function fallbackResponse(settings: Settings, request?: RequestFacts, context: RenderContext = NO_CONTEXT): ErrorResponse {
  const method = request?.method;
  const shown: PublicFault = {
    status: 500,
    title: 'Internal Server Error',
    code: settings.codes.get(500) ?? 'INTERNAL_SERVER_ERROR',
    defaultCode: true,
    message: settings.messages.get(500) ?? 'Internal Server Error',
    ...(context.traceId === undefined ? {} : { traceId: context.traceId }),
  };
  const body = serialize(settings.envelope, shown);
  const contentType = body === undefined ? PROBLEM_CONTENT_TYPE : settings.envelope.contentType;
  const headers: Record<string, string> = { 'content-type': contentType, 'cache-control': 'no-store' };
  if (settings.negotiate && hasJsonAlternative(contentType)) headers['vary'] = 'Accept';
  if (settings.locales !== undefined) {
    headers['content-language'] = settings.locales.fallback.tag;
    headers['vary'] = varyWith(headers['vary'], 'Accept-Language');
  }
  return {
    status: 500,
    headers,
    body: method === 'HEAD' ? null : (body ?? LAST_RESORT),
  };
}
