// The pins example (`examples/{express,koa,hono,nest,fastify}.ts`) on each framework, over real HTTP on
// 127.0.0.1, in the status-object envelope: every error the example documents must leave with the
// same status and the same bytes whichever framework serves it.
//
// Each group starts its own five apps after `vi.resetModules()`: the rate limit (5 requests per 10 s
// per client on /pins) would otherwise carry over from one group to the next. A fresh `pinsApp()`
// makes a fresh limiter everywhere but on Nest, where `@RateLimit(...)` made it when the controller
// class was decorated, so only a fresh import of `examples/nest.ts` gives a fresh bucket.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { listen, request, type Received } from '../support/http.js';

const FRAMEWORKS = ['express', 'koa', 'hono', 'nest', 'fastify'] as const;
type Framework = (typeof FRAMEWORKS)[number];
type Running = { url: string; close: () => Promise<void> };
type Apps = Record<Framework, Running>;

const ENVELOPE = 'status-object';

/** Each example, started as `npm start -- --framework <fw> --envelope status-object` starts it, on port 0. */
const start: Record<Framework, () => Promise<Running>> = {
  async express() {
    const { pinsApp } = await import('../../examples/express.js');
    return listen(createServer(pinsApp(ENVELOPE)));
  },
  async koa() {
    const { pinsApp } = await import('../../examples/koa.js');
    const app = pinsApp(ENVELOPE);
    app.silent = true; // Koa's default 'error' listener would print the 500's and the bad JSON's stacks
    return listen(createServer(app.callback()));
  },
  async hono() {
    const { pinsApp } = await import('../../examples/hono.js');
    return listen(createAdaptorServer({ fetch: pinsApp(ENVELOPE).fetch }) as Server);
  },
  async nest() {
    const { pinsNestApp } = await import('../../examples/nest.js');
    const app = await pinsNestApp(ENVELOPE);
    await app.listen(0, '127.0.0.1');
    const { port } = (app.getHttpServer() as Server).address() as AddressInfo;
    return { url: `http://127.0.0.1:${port}`, close: () => app.close() };
  },
  async fastify() {
    const { pinsApp } = await import('../../examples/fastify.js');
    const app = await pinsApp(ENVELOPE);
    return { url: await app.listen({ port: 0, host: '127.0.0.1' }), close: () => app.close() };
  },
};

/** Five fresh apps, rate limits included; closed after the enclosing describe. */
function freshApps(): () => Apps {
  let apps: Apps | undefined;
  beforeAll(async () => {
    vi.resetModules();
    const started = await Promise.all(FRAMEWORKS.map((framework) => start[framework]()));
    apps = Object.fromEntries(FRAMEWORKS.map((framework, i) => [framework, started[i]])) as Apps;
  });
  afterAll(async () => {
    if (apps !== undefined) await Promise.all(Object.values(apps).map((app) => app.close()));
  });
  return () => {
    if (apps === undefined) throw new Error('apps not started');
    return apps;
  };
}

/** The same request to every framework's app, at once (each has its own limiter and port). */
async function onEach(apps: Apps, path: string, init?: RequestInit): Promise<Record<Framework, Received>> {
  const received = await Promise.all(FRAMEWORKS.map((framework) => request(`${apps[framework].url}${path}`, init)));
  return Object.fromEntries(FRAMEWORKS.map((framework, i) => [framework, received[i]])) as Record<Framework, Received>;
}

const post = (body: string): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body });

/** What each framework answered: `{ express: [status, body], … }`, to compare with `everywhere(status, body)`. */
function answers(received: Record<Framework, Received>): Record<Framework, [number, string]> {
  return Object.fromEntries(FRAMEWORKS.map((framework) => [framework, [received[framework].status, received[framework].text]])) as Record<Framework, [number, string]>;
}

/** The same status and the same bytes from every framework. */
function everywhere(status: number, body: string): Record<Framework, [number, string]> {
  return Object.fromEntries(FRAMEWORKS.map((framework) => [framework, [status, body]])) as Record<Framework, [number, string]>;
}

const CID = 'QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG';
const json = (value: unknown): RequestInit => post(JSON.stringify(value));

describe('examples: every documented error, byte for byte the same on all five frameworks', () => {
  // Five requests to /pins here, within the limit: each spends a point (on Nest, a body the parser
  // refuses never reaches the @RateLimit guard, so it spends none).
  const apps = freshApps();

  it("GET /pins/404: 404 with the domain's message", async () => {
    const received = await onEach(apps(), '/pins/404');
    expect(answers(received)).toEqual(everywhere(404, '{"status":{"code":404,"text":"Not Found","message":"The specified resource was not found"}}'));
  });

  it('POST /pins {"name":1}: 400 with a field issue for each problem (one schema, pinSchema)', async () => {
    // Fastify checks with its own ajv (the route's `schema`); faultline words its issues as it words
    // its own, and the example's ajv options (allErrors, no coercion) make it report both.
    const received = await onEach(apps(), '/pins', post('{"name":1}'));
    const issues = [
      '{"field":"/cid","in":"body","code":"required","message":"is required","params":{}}',
      '{"field":"/name","in":"body","code":"type","message":"must be string","params":{"type":"string"}}',
    ];
    const body = `{"status":{"code":400,"text":"Bad Request","message":"Request validation failed"},"errors":[${issues.join(',')}]}`;
    expect(answers(received)).toEqual(everywhere(400, body));
  });

  it('malformed JSON: 400, the body never echoed', async () => {
    const received = await onEach(apps(), '/pins', post('{"cid":'));
    expect(answers(received)).toEqual(everywhere(400, '{"status":{"code":400,"text":"Bad Request","message":"Request body is not valid JSON"}}'));
  });

  it('a body over 1 kB: 413', async () => {
    const received = await onEach(apps(), '/pins', json({ cid: 'x'.repeat(2000) }));
    expect(answers(received)).toEqual(everywhere(413, '{"status":{"code":413,"text":"Payload Too Large","message":"Request body is too large"}}'));
  });

  it('DELETE /pins/1 without a token: 401 with WWW-Authenticate: Bearer', async () => {
    const received = await onEach(apps(), '/pins/1', { method: 'DELETE' });
    expect(answers(received)).toEqual(everywhere(401, '{"status":{"code":401,"text":"Unauthorized","message":"Access token is missing or invalid"}}'));
    for (const framework of FRAMEWORKS) expect([framework, received[framework].headers.get('www-authenticate')]).toEqual([framework, 'Bearer']);
  });

  it('PUT /report: 405 with Allow listing the methods its routes serve', async () => {
    const received = await onEach(apps(), '/report', { method: 'PUT' });
    expect(answers(received)).toEqual(everywhere(405, '{"status":{"code":405,"text":"Method Not Allowed","message":"PUT is not allowed on /report"}}'));
    for (const framework of FRAMEWORKS) expect([framework, received[framework].headers.get('allow')]).toEqual([framework, 'GET, HEAD']);
  });

  it('GET /report: 500 with the generic message, nothing internal', async () => {
    const received = await onEach(apps(), '/report');
    expect(answers(received)).toEqual(everywhere(500, '{"status":{"code":500,"text":"Internal Server Error","message":"An unexpected error occurred"}}'));
    for (const framework of FRAMEWORKS) expect(received[framework].text).not.toMatch(/ECONNREFUSED|10\.0\.3\.7|hunter2|postgres/);
  });

  it('an unmatched route: 404 naming it', async () => {
    const received = await onEach(apps(), '/nowhere');
    expect(answers(received)).toEqual(everywhere(404, '{"status":{"code":404,"text":"Not Found","message":"Cannot GET /nowhere"}}'));
  });
});

describe('examples: the 6th GET /pins within 10 s is a 429', () => {
  const apps = freshApps();

  it('five are admitted, the sixth refused with Retry-After and the RateLimit fields (Fastify: no rateLimit adapter)', async () => {
    for (let i = 1; i <= 5; i++) {
      const received = await onEach(apps(), '/pins');
      for (const framework of FRAMEWORKS) {
        const { status, json: listed, headers } = received[framework];
        expect([framework, status, listed]).toEqual([framework, 200, { count: 1, results: [{ requestid: '1', status: 'queued', cid: CID, name: 'readme' }] }]);
        // rateLimit() and @RateLimit set the fields on admitted responses; Fastify's hand-written hook sets none.
        const fields = framework === 'fastify' ? [null, null] : [expect.stringMatching(new RegExp(`^"default";r=${5 - i};t=\\d+$`)), '"default";q=5;w=10'];
        expect([framework, headers.get('ratelimit'), headers.get('ratelimit-policy')]).toEqual([framework, ...fields]);
      }
    }
    const refused = await onEach(apps(), '/pins');
    expect(answers(refused)).toEqual(everywhere(429, '{"status":{"code":429,"text":"Too Many Requests","message":"Too Many Requests"}}'));
    for (const framework of FRAMEWORKS) {
      const { headers } = refused[framework];
      const retryAfter = headers.get('retry-after');
      expect([framework, retryAfter]).toEqual([framework, expect.stringMatching(/^([1-9]|10)$/)]);
      expect([framework, headers.get('ratelimit')]).toEqual([framework, `"default";r=0;t=${retryAfter}`]);
      // A bare RateLimiterRes (Fastify's hook) knows no quota or window: no RateLimit-Policy.
      expect([framework, headers.get('ratelimit-policy')]).toEqual([framework, framework === 'fastify' ? null : '"default";q=5;w=10']);
    }
  });
});

describe('examples: pinSchema means the same on all five frameworks', () => {
  const apps = freshApps();

  it('a valid pin reaches the domain (202)', async () => {
    const received = await onEach(apps(), '/pins', json({ cid: CID, name: 'logo' }));
    for (const framework of FRAMEWORKS) {
      expect([framework, received[framework].status, received[framework].json]).toEqual([framework, 202, { requestid: '2', status: 'queued', cid: CID, name: 'logo' }]);
    }
  });

  it('an unknown property, a name that is not a string and a bad CID are refused, not stripped or coerced', async () => {
    const received = await onEach(apps(), '/pins', json({ cid: 'not-a-cid', name: 7, replicas: 2 }));
    const issues = [
      '{"field":"/replicas","in":"body","code":"additionalProperties","message":"is not allowed","params":{}}',
      '{"field":"/cid","in":"body","code":"pattern","message":"must match pattern \\"^(Qm[1-9A-HJ-NP-Za-km-z]{44}|b[a-z2-7]{58,})$\\"","params":{"pattern":"^(Qm[1-9A-HJ-NP-Za-km-z]{44}|b[a-z2-7]{58,})$"}}',
      '{"field":"/name","in":"body","code":"type","message":"must be string","params":{"type":"string"}}',
    ];
    const body = `{"status":{"code":400,"text":"Bad Request","message":"Request validation failed"},"errors":[${issues.join(',')}]}`;
    expect(answers(received)).toEqual(everywhere(400, body));
  });

  it('the domain still refuses what is its own business: INSUFFICIENT_FUNDS (409) once the credits are spent', async () => {
    // Three credits: the seeded pin and the one above spent two.
    const third = await onEach(apps(), '/pins', json({ cid: CID }));
    for (const framework of FRAMEWORKS) expect([framework, third[framework].status]).toEqual([framework, 202]);
    const received = await onEach(apps(), '/pins', json({ cid: CID }));
    expect(answers(received)).toEqual(everywhere(409, '{"status":{"code":409,"text":"Conflict","message":"Unable to process request due to the lack of funds"}}'));
  });
});
