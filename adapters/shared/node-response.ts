// Writing an error on Node's own response object: Express's `res`, and Nest's on platform-express
// (Node's, extended). One page for both, so their bytes and headers stay identical.
import { isStaleHeader, preparedBody, withExistingVary, type ErrorResponse } from '../../src/kit.js';

/** What is used of a Node response (`ServerResponse`, or HTTP/2's compatibility response). */
export interface NodeResponseLike {
  statusCode: number;
  setHeader(name: string, value: string | number): unknown;
  getHeader(name: string): unknown;
  removeHeader(name: string): unknown;
  getHeaderNames(): string[];
  end(body?: string): unknown;
}

/**
 * Removes what the route set for the body it did not send, then writes the error in one call.
 * `httpVersion` is the request's, as Node reports it (`'1.1'`).
 */
export function writeNodeResponse(res: NodeResponseLike, response: ErrorResponse, httpVersion: string | undefined): void {
  let lengthRemoved = false;
  for (const name of res.getHeaderNames()) {
    if (!isStaleHeader(name)) continue;
    res.removeHeader(name);
    if (name === 'content-length') lengthRemoved = true;
  }
  res.statusCode = response.status;
  const headers = withExistingVary(response.headers, res.getHeader('vary'));
  for (const name in headers) res.setHeader(name, headers[name] as string);
  if (response.body === null) {
    res.end();
    return;
  }
  // Over HTTP/1.1 Node counts a body ended in one call itself and sends its Content-Length, for
  // less than a setHeader costs. It sends none once one was removed, nor over HTTP/1.0 (it closes
  // the connection instead), nor on HTTP/2's compatibility response: there it is set here.
  if (lengthRemoved || httpVersion !== '1.1') {
    res.setHeader('content-length', preparedBody(response)?.length ?? Buffer.byteLength(response.body));
  }
  // The string, not the bytes: Node sends a string body in one write with the head, bytes in two.
  res.end(response.body);
}
