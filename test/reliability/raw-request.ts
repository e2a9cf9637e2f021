import { Agent, request as httpRequest } from 'node:http';
import { connect } from 'node:net';

export interface RawResponse {
  readonly status: number;
  /** Header names (lower case) and values exactly as they came off the wire. */
  readonly rawHeaders: readonly [string, string][];
  readonly body: string;
}

/**
 * One request, on a fresh connection unless an agent is given, reading the raw header list (fetch would merge or
 * reject what a broken server sent). Fails after `timeoutMs` instead of hanging the suite.
 */
export function rawRequest(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string; timeoutMs?: number; agent?: Agent } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: init.method ?? 'GET', headers: init.headers, agent: init.agent ?? false, timeout: init.timeoutMs ?? 10_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const rawHeaders: [string, string][] = [];
        for (let i = 0; i < res.rawHeaders.length; i += 2) {
          rawHeaders.push([(res.rawHeaders[i] as string).toLowerCase(), res.rawHeaders[i + 1] as string]);
        }
        resolve({ status: res.statusCode ?? 0, rawHeaders, body: Buffer.concat(chunks).toString('utf8') });
      });
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${init.timeoutMs ?? 10_000} ms`)));
    req.on('error', reject);
    req.end(init.body);
  });
}

/**
 * One HTTP/1.0 request on its own connection, written by hand (Node's client speaks only 1.1): the
 * server must delimit the body by its Content-Length or by closing the connection after it.
 */
export function rawHttp10Request(url: string, init: { method?: string; headers?: Record<string, string>; timeoutMs?: number } = {}): Promise<RawResponse> {
  const { hostname, port, pathname, search } = new URL(url);
  const lines = [`${init.method ?? 'GET'} ${pathname}${search} HTTP/1.0`, `Host: ${hostname}:${port}`];
  for (const [name, value] of Object.entries(init.headers ?? {})) lines.push(`${name}: ${value}`);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(Number(port), hostname, () => socket.end(`${lines.join('\r\n')}\r\n\r\n`));
    socket.setTimeout(init.timeoutMs ?? 10_000, () => socket.destroy(new Error(`no answer within ${init.timeoutMs ?? 10_000} ms`)));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const raw = Buffer.concat(chunks);
      const end = raw.indexOf('\r\n\r\n');
      if (end === -1) {
        reject(new Error(`no complete head in ${JSON.stringify(raw.toString('latin1'))}`));
        return;
      }
      const [statusLine = '', ...fields] = raw.subarray(0, end).toString('latin1').split('\r\n');
      const rawHeaders = fields.map((field): [string, string] => {
        const colon = field.indexOf(':');
        return [field.slice(0, colon).trim().toLowerCase(), field.slice(colon + 1).trim()];
      });
      resolve({ status: Number(statusLine.split(' ')[1]), rawHeaders, body: raw.subarray(end + 4).toString('utf8') });
    });
  });
}
