import { ServerResponse } from 'node:http';
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
 * Records every status line a server in this process starts to write for an aborted upload's
 * response (`writeHead`, which `end()` calls too): the proof nothing was written to the closed socket.
 */
export function spyOnAbortedResponses(): { readonly written: readonly number[]; restore(): void } {
  const written: number[] = [];
  const original = ServerResponse.prototype.writeHead;
  ServerResponse.prototype.writeHead = function writeHead(this: ServerResponse, ...args: Parameters<typeof original>) {
    if (this.req?.headers[ABORT_PROBE] !== undefined) written.push(args[0]);
    return original.apply(this, args);
  } as typeof original;
  return {
    written,
    restore: () => {
      ServerResponse.prototype.writeHead = original;
    },
  };
}
