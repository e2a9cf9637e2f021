/** A response as the contract reads it. */
export interface Received {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

/** How long one request may take before the contract reports that the adapter never answered. */
export const ANSWER_TIMEOUT_MS = 10_000;

/** One real HTTP request to the app under test, its body read to the end. */
export async function send(url: string, init?: RequestInit): Promise<Received> {
  const res = await fetch(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(ANSWER_TIMEOUT_MS) });
  return { status: res.status, headers: res.headers, text: await res.text() };
}
