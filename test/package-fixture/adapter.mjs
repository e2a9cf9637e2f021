// A third party's faultline adapter for plain node:http, written against faultline/kit as the
// writing-an-adapter guide shows: read the request, call the core, write the response.
import { BODY_MESSAGES, createFaultline, errors, headerText, routeNotFound, STALE_HEADERS, withExistingVary } from 'faultline/kit';

function facts(req) {
  const path = req.url.split('?')[0];
  return { method: req.method, path, header: (name) => headerText(req.headers[name]) };
}

/** `handle(error, req, res)`: call it with anything a request handler threw. */
export function errorHandler(options) {
  const faultline = createFaultline(options);
  return function handle(error, req, res) {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const response = faultline.handle(error, facts(req));
    for (const name of STALE_HEADERS) res.removeHeader(name);
    const headers = withExistingVary(response.headers, res.getHeader('vary'));
    res.statusCode = response.status;
    for (const name in headers) res.setHeader(name, headers[name]);
    res.end(response.body ?? undefined);
  };
}

/** The error for a request no route matched. */
export function notFound(req) {
  return routeNotFound(req.method, req.url.split('?')[0]);
}

/** A JSON body of at most `limit` bytes; failures are thrown as client errors. */
export async function jsonBody(req, limit) {
  let size = 0;
  const chunks = [];
  for await (const chunk of req) {
    size += chunk.length;
    if (size > limit) throw errors.payloadTooLarge(BODY_MESSAGES.tooLarge);
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw errors.badRequest(BODY_MESSAGES.malformed);
  }
}
