import { ServerResponse } from 'node:http';
import { connect as connectHttp2, constants, Http2ServerResponse } from 'node:http2';
import { connect } from 'node:net';

/** The header an aborted upload carries, so the response spy can tell its response from others. */
export const ABORT_PROBE = 'x-abort-probe';

/**
 * A real aborted upload: a POST that announces a body larger than it sends, then closes the
 * connection mid-body (what body-parser reports as `request aborted`, Fastify and Node as
 * `ECONNRESET`). Resolves when the socket is closed, with whatever the server sent before.
 */
export function abortedUpload(url: string, path: string, options: { readonly method?: string; readonly afterMs?: number } = {}): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    let received = '';
    const socket = connect(Number(port), hostname, () => {
      socket.write(
        `${options.method ?? 'POST'} ${path} HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\n${ABORT_PROBE}: 1\r\nContent-Length: 900\r\n\r\n{"name":"half a bo`,
      );
      setTimeout(() => socket.destroy(), options.afterMs ?? 50);
    });
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(received));
  });
}

/**
 * The same over HTTP/2: a stream that announces a body larger than it sends, then is cancelled
 * (`RST_STREAM` with `CANCEL`), on a session of its own that is closed afterwards.
 */
export function abortedUpload2(url: string, path: string, ca?: string): Promise<string> {
  return new Promise((resolve) => {
    const session = connectHttp2(url, ca === undefined ? {} : { ca });
    session.on('error', () => undefined);
    let received = '';
    const stream = session.request(
      { ':method': 'POST', ':path': path, 'content-type': 'application/json', 'content-length': '900', [ABORT_PROBE]: '1' },
      { endStream: false },
    );
    stream.on('response', (headers) => (received += String(headers[':status'])));
    stream.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    stream.on('error', () => undefined);
    stream.write('{"name":"half a bo');
    setTimeout(() => stream.close(constants.NGHTTP2_CANCEL), 50);
    stream.on('close', () => {
      session.close();
      resolve(received);
    });
  });
}

interface Writer {
  writeHead(this: { readonly req?: { readonly headers: Record<string, unknown> } }, status: number, ...rest: unknown[]): unknown;
}

/**
 * Records every status line a server in this process starts to write for an aborted upload's
 * response (`writeHead`, which `end()` calls too), over HTTP/1.1 and HTTP/2: the proof nothing was
 * written to the closed connection.
 */
export function spyOnAbortedResponses(): { readonly written: readonly number[]; restore(): void } {
  const written: number[] = [];
  const prototypes = [ServerResponse.prototype, Http2ServerResponse.prototype] as unknown as Writer[];
  const originals = prototypes.map((prototype) => prototype.writeHead);
  for (const [index, prototype] of prototypes.entries()) {
    const original = originals[index] as Writer['writeHead'];
    prototype.writeHead = function writeHead(status, ...rest) {
      if (this.req?.headers[ABORT_PROBE] !== undefined) written.push(status);
      return original.call(this, status, ...rest);
    };
  }
  return {
    written,
    restore: () => {
      for (const [index, prototype] of prototypes.entries()) prototype.writeHead = originals[index] as Writer['writeHead'];
    },
  };
}
