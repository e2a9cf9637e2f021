/** The error a store call that took too long is failed with (then handled as any store failure). */
export class StoreTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`faultline: the rate-limit store did not answer within ${timeoutMs} ms`);
    this.name = 'StoreTimeoutError';
  }
}

/**
 * Settles like `promise`, or rejects with a StoreTimeoutError after `ms`. A store that stops
 * answering (Redis with an offline queue during an outage) must not hold the request open; the
 * late answer, if it ever comes, is ignored.
 */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  if (!Number.isFinite(ms)) return promise;
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new StoreTimeoutError(ms)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
