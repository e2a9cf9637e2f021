// The default rate-limit key on every adapter, read the framework's own way: IPv6 clients keyed by
// their /56, IPv4-mapped addresses as IPv4, an undeclared proxy said once. Addresses other than
// the loopback ones come through a trusted proxy's X-Forwarded-For (on Hono, which trusts no
// proxy, through a key that reads it with ipKey); real IPv6 and IPv4-mapped ones come over real
// sockets (a dual-stack server sees an IPv4 client as ::ffff:127.0.0.1, an IPv4 one as 127.0.0.1).
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ipKey } from '../../adapters/hono/index.js';
import type { Fault } from '../../src/index.js';
import type { RunningApp } from '../harness/harness.js';
import { request } from '../support/http.js';
import { KEY_FRAMEWORKS, type KeyAppSpec } from './ip-key-apps.js';

const running: RunningApp[] = [];
afterEach(async () => {
  for (const app of running.splice(0)) await app.close();
});

const limiter = (points: number) => new RateLimiterMemory({ points, duration: 60 });
const via = (url: string, forwardedFor?: string) => request(`${url}/ok`, forwardedFor === undefined ? {} : { headers: { 'x-forwarded-for': forwardedFor } });

describe.each(KEY_FRAMEWORKS.map((f) => [f.name, f] as const))('%s', (name, framework) => {
  async function start(spec: Partial<KeyAppSpec> & Pick<KeyAppSpec, 'limiter'>): Promise<string> {
    const behindProxy = name === 'hono' && spec.trustProxy === true;
    const app = await framework.start({
      host: '127.0.0.1',
      trustProxy: false,
      ...spec,
      // Hono trusts no proxy: the app reads the header its proxy sets, and keys it with ipKey.
      ...(behindProxy ? { honoKey: (c) => ipKey(c.req.header('x-forwarded-for') ?? 'unknown') } : {}),
    });
    running.push(app);
    return app.url;
  }

  it('four IPv6 addresses in one /56 share a bucket; another /56 has its own', async () => {
    const url = await start({ limiter: limiter(3), trustProxy: true });
    expect((await via(url, '2001:db8:abcd:1200::1')).status).toBe(200);
    expect((await via(url, '2001:db8:abcd:1234:5678::9')).status).toBe(200);
    expect((await via(url, '2001:DB8:ABCD:12FF:FFFF:FFFF:FFFF:FFFF')).status).toBe(200);
    const fourth = await via(url, '2001:db8:abcd:1280:0:0:0:7');
    expect(fourth.status).toBe(429);
    expect(fourth.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await via(url, '2001:db8:abcd:1300::1')).status).toBe(200);
    expect((await via(url, '2001:db8:abcd:1100::1')).status).toBe(200);
  });

  it('::ffff:a.b.c.d and a.b.c.d are one client', async () => {
    const url = await start({ limiter: limiter(1), trustProxy: true });
    expect((await via(url, '::ffff:198.51.100.7')).status).toBe(200);
    expect((await via(url, '198.51.100.7')).status).toBe(429);
    expect((await via(url, '198.51.100.8')).status).toBe(200);
  });

  it('over real sockets: an IPv4 client of a dual-stack server (::ffff:127.0.0.1) is the IPv4 client; ::1 is its own', async () => {
    const shared = limiter(1);
    const ipv4Only = await start({ limiter: shared, host: '127.0.0.1' });
    const dualStack = await start({ limiter: shared, host: '::' });
    expect((await via(ipv4Only)).status).toBe(200);
    expect((await via(dualStack)).status).toBe(429);
    const ipv6 = dualStack.replace('127.0.0.1', '[::1]');
    expect((await via(ipv6)).status).toBe(200);
    expect((await via(ipv6)).status).toBe(429);
  });

  it('X-Forwarded-For to an app that trusts no proxy: ignored for the key, and said once', async () => {
    const told: Fault[] = [];
    const paths: string[] = [];
    const url = await start({ limiter: limiter(1), onError: (fault, _thrown, facts) => void (told.push(fault), paths.push(facts.path)) });
    expect((await via(url, '203.0.113.1')).status).toBe(200);
    // Never trusted: another forwarded address is still the same (loopback) client.
    expect((await via(url, '203.0.113.2')).status).toBe(429);
    expect(told.map((fault) => fault.code)).toEqual(['UNDECLARED_PROXY']);
    expect(told[0]?.message).toMatch(/X-Forwarded-For/);
    // The request facts, built only for this warning, are the request's.
    expect(paths).toEqual(['/ok']);
  });
});

describe('an undeclared proxy without onError: said once on the platform\'s channel', () => {
  it("Node adapters: a process warning, once (Express shown; Koa, Fastify and Nest use the same)", async () => {
    const framework = KEY_FRAMEWORKS.find((f) => f.name === 'express');
    const warnings: Error[] = [];
    const listener = (warning: Error) => void warnings.push(warning);
    process.on('warning', listener);
    try {
      const app = await (framework as (typeof KEY_FRAMEWORKS)[number]).start({ limiter: limiter(5), host: '127.0.0.1', trustProxy: false });
      running.push(app);
      for (const ip of ['203.0.113.1', '203.0.113.2', '203.0.113.3']) await via(app.url, ip);
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.map((w) => [w.name, (w as Error & { code?: string }).code])).toEqual([['RateLimitWarning', 'ERR_FAULTLINE_UNDECLARED_PROXY']]);
      expect(warnings[0]?.message).toMatch(/app\.set\('trust proxy', 1\)/);
    } finally {
      process.off('warning', listener);
    }
  });

  it('Hono (web-standard): console.warn, once', async () => {
    const framework = KEY_FRAMEWORKS.find((f) => f.name === 'hono');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const app = await (framework as (typeof KEY_FRAMEWORKS)[number]).start({ limiter: limiter(5), host: '127.0.0.1', trustProxy: false });
      running.push(app);
      for (const ip of ['203.0.113.1', '203.0.113.2']) await via(app.url, ip);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]?.[0])).toMatch(/RateLimitWarning \[ERR_FAULTLINE_UNDECLARED_PROXY\].*ipKey/);
    } finally {
      warn.mockRestore();
    }
  });
});
