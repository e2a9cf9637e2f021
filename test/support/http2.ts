import { connect, type ClientHttp2Session, type Http2SecureServer, type Http2Server, type IncomingHttpHeaders, type ServerHttp2Session } from 'node:http2';
import type { AddressInfo } from 'node:net';
import type { Received } from './http.js';

/** An HTTP/2 app under test: its origin, one client session to it, and a way to stop both. */
export interface Http2Running {
  readonly url: string;
  readonly protocol: 'h2' | 'h2c';
  request(path: string, init?: RequestInit): Promise<Received>;
  close(): Promise<void>;
}

/** A client session to an origin (h2 when `ca` is given, h2c otherwise); requests go over it. */
export function http2Client(url: string, ca?: string): { request(path: string, init?: RequestInit): Promise<Received>; close(): void } {
  let session: ClientHttp2Session | undefined;
  const open = (): ClientHttp2Session => {
    if (session === undefined || session.closed || session.destroyed) {
      session = connect(url, ca === undefined ? {} : { ca });
      session.on('error', () => undefined);
    }
    return session;
  };
  return {
    request: (path, init) => request2(open(), path, init),
    close: () => session?.close(),
  };
}

/** One request over an HTTP/2 session, read whole; the body parsed as JSON when it is JSON. */
export function request2(session: ClientHttp2Session, path: string, init: RequestInit = {}): Promise<Received> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ':method': init.method ?? 'GET', ':path': path };
    for (const [name, value] of new Headers(init.headers ?? {})) headers[name] = value;
    const stream = session.request(headers, { endStream: init.body === undefined || init.body === null });
    let response: IncomingHttpHeaders = {};
    const chunks: Buffer[] = [];
    stream.on('response', (received) => (response = received));
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('error', reject);
    stream.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let json: unknown;
      try {
        json = text === '' ? undefined : JSON.parse(text);
      } catch {
        json = undefined;
      }
      resolve({ status: Number(response[':status']), headers: toHeaders(response), text, json });
    });
    if (typeof init.body === 'string') stream.end(init.body);
  });
}

/** The response's fields as a `Headers` (pseudo-headers left out), to compare with HTTP/1.1 answers. */
function toHeaders(received: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(received)) {
    if (name.startsWith(':') || value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [String(value)]) headers.append(name, item);
  }
  return headers;
}

/** Listens on 127.0.0.1 on a free port; closing ends every session, so the server stops at once. */
export async function listenHttp2(server: Http2Server | Http2SecureServer, ca?: string): Promise<Http2Running> {
  const sessions = new Set<ServerHttp2Session>();
  server.on('session', (session: ServerHttp2Session) => {
    sessions.add(session);
    session.on('close', () => sessions.delete(session));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return http2Running(`${ca === undefined ? 'http' : 'https'}://127.0.0.1:${port}`, ca, async () => {
    for (const session of sessions) session.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
}

/** An app some framework serves over HTTP/2 itself (Fastify, Nest on Fastify), with a client session to it. */
export function http2Running(url: string, ca: string | undefined, stop: () => Promise<void>): Http2Running {
  const client = http2Client(url, ca);
  return {
    url,
    protocol: ca === undefined ? 'h2c' : 'h2',
    request: client.request,
    async close() {
      client.close();
      await stop();
    },
  };
}
