import { Agent, request as httpRequest } from 'node:http';

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
