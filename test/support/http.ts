import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';

/** Listens on 127.0.0.1 on a free port; returns the base URL and a close function. */
export async function listen(server: Server): Promise<{ url: string; close: () => Promise<void> }> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

export interface Received {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

/** One real HTTP request; the body is parsed as JSON when it is JSON. */
export async function request(url: string, init?: RequestInit): Promise<Received> {
  const res = await fetch(url, init);
  const text = await res.text();
  let json: unknown = undefined;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}
