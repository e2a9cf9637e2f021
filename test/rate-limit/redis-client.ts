// An ioredis client as rate-limiter-flexible recommends it for RateLimiterRedis: no offline queue,
// so a command during an outage fails at once (and the insurance limiter or onStoreError answers)
// instead of waiting for a reconnect.
import { Redis, type RedisOptions } from 'ioredis';

export async function connectRedis(port: number, options: RedisOptions = {}): Promise<Redis> {
  const client = new Redis({
    host: '127.0.0.1',
    port,
    enableOfflineQueue: false,
    // Reconnect quickly after a restart, so the test sees limiting resume soon.
    retryStrategy: () => 100,
    ...options,
  });
  // Connection errors during an outage are expected; without a listener ioredis reports them loudly.
  client.on('error', () => {});
  await waitReady(client);
  return client;
}

export async function waitReady(client: Redis, withinMs = 10_000): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (client.status !== 'ready') {
    if (Date.now() > deadline) throw new Error(`redis client not ready (${client.status})`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
