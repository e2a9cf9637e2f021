import { request as httpRequest } from 'node:http';

export interface WireResponse {
  readonly status: number;
  /** Every value each (lower-case) header name arrived with, in order: a duplicate shows. */
  readonly headers: ReadonlyMap<string, readonly string[]>;
  readonly body: string;
}

/**
 * One request with node:http rather than fetch: fetch turns a 407 into a network error (it is
 * meant for proxies), and the guide's 407 must be read like every other status.
 */
export function wireRequest(url: string, init: { method: string; headers: Record<string, string>; body?: string }): Promise<WireResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: init.method, headers: init.headers, agent: false, timeout: 10_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const headers = new Map<string, string[]>();
        for (let i = 0; i < res.rawHeaders.length; i += 2) {
          const name = (res.rawHeaders[i] as string).toLowerCase();
          headers.set(name, [...(headers.get(name) ?? []), res.rawHeaders[i + 1] as string]);
        }
        resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks).toString('utf8') });
      });
    });
    req.on('timeout', () => req.destroy(new Error('no answer within 10 s')));
    req.on('error', reject);
    req.end(init.body);
  });
}
