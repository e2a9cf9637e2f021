import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, type Received } from '../support/http.js';
import { startRedis, type RedisServer } from '../support/redis.js';

const INSTANCES = 4;
const POINTS = 25;
const DURATION = 30;
const REQUESTS = 100;
const FIXTURE = fileURLToPath(new URL('./fixtures/instance.ts', import.meta.url));

let redis: RedisServer;
const children: ChildProcess[] = [];
const urls: string[] = [];

function startInstance(redisPort: number): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE], {
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    env: { ...process.env, REDIS_PORT: String(redisPort), POINTS: String(POINTS), DURATION: String(DURATION), KEY_PREFIX: 'multi' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = '';
    // A generous wait: four tsx processes compiling at once on a busy 2-core machine took 31 s.
    const timer = setTimeout(() => reject(new Error(`instance did not start: ${output}`)), 90_000);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const port = /LISTENING (\d+)/.exec(output)?.[1];
      if (port !== undefined) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${port}`);
      }
    });
    child.once('exit', (code) => reject(new Error(`instance exited (${String(code)}): ${output}`)));
  });
}

beforeAll(async () => {
  redis = await startRedis();
  urls.push(...(await Promise.all(Array.from({ length: INSTANCES }, () => startInstance(redis.port)))));
}, 120_000);

afterAll(async () => {
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    ),
  );
  await redis.stop();
});

describe(`rateLimit across ${INSTANCES} Node processes sharing one Redis key`, () => {
  it(`admits exactly ${POINTS} of ${REQUESTS} concurrent requests; every other one is a 429 with a correct Retry-After`, async () => {
    const responses: Received[] = await Promise.all(
      Array.from({ length: REQUESTS }, (_, i) => request(`${urls[i % INSTANCES]}/ok`)),
    );
    const admitted = responses.filter((r) => r.status === 200);
    const refused = responses.filter((r) => r.status === 429);
    expect(admitted).toHaveLength(POINTS);
    expect(refused).toHaveLength(REQUESTS - POINTS);

    // Every instance took part, and the admitted ones were spread over processes.
    const pids = new Set(admitted.map((r) => (r.json as { pid: number }).pid));
    expect(pids.size).toBeGreaterThan(1);

    // Remaining counts handed out are exactly POINTS-1 … 0, once each: no over-admission anywhere.
    const remaining = admitted.map((r) => Number(/;r=(\d+);/.exec(r.headers.get('ratelimit') ?? '')?.[1])).toSorted((a, b) => a - b);
    expect(remaining).toEqual(Array.from({ length: POINTS }, (_, i) => i));

    const client = new Redis({ host: '127.0.0.1', port: redis.port });
    const ttlSeconds = Math.ceil((await client.pttl('multi:127.0.0.1')) / 1000);
    expect(await client.get('multi:127.0.0.1')).toBe(String(REQUESTS));
    client.disconnect();
    for (const res of refused) {
      const retryAfter = Number(res.headers.get('retry-after'));
      // The wait Redis holds for the shared key, rounded up, as of when each refusal was made.
      expect(retryAfter).toBeGreaterThanOrEqual(ttlSeconds);
      expect(retryAfter).toBeLessThanOrEqual(DURATION);
      expect(res.json).toEqual({ error: { reason: 'TOO_MANY_REQUESTS', details: 'Too Many Requests' }, retry_after: retryAfter });
      expect(res.headers.get('ratelimit')).toBe(`"multi";r=0;t=${retryAfter}`);
      expect(res.headers.get('ratelimit-policy')).toBe(`"multi";q=${POINTS};w=${DURATION}`);
    }
  });
});
