// Fastify sends an Error a handler returns (or passes to `reply.send`) to its error handler, as it
// does a thrown one: faultline must answer it with the same bytes. Returning skips the throw, which
// Node charges a route most when it comes before the handler's first await (docs/guide/performance.md).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkedHeaders } from '../../src/contract/index.js';
import { fastifyApp } from '../harness/fastify.js';
import { thrower } from '../harness/harness.js';
import { THROW_SCENARIOS, THROWERS } from '../scenarios/throwables.js';
import { request, type Received } from '../support/http.js';

const spec = { throwers: THROWERS };
// Only an Error is an error to Fastify when returned or sent (its `instanceof Error`); any other
// value is a payload. (A hostile proxy throws from `instanceof` itself: not one of these.)
const isError = (value: unknown): boolean => {
  try {
    return value instanceof Error;
  } catch {
    return false;
  }
};
const ERROR_SCENARIOS = THROW_SCENARIOS.filter((scenario) => isError(scenario.thrown()));

let app: FastifyInstance;
let base: string;

beforeAll(async () => {
  app = await fastifyApp(spec);
  const named = (req: FastifyRequest): unknown => thrower(spec, (req.params as { name: string }).name)();
  app.get('/returned/:name', async (req) => named(req));
  app.get('/returned-later/:name', async (req) => {
    await new Promise((resolve) => setImmediate(resolve));
    return named(req);
  });
  app.get('/sent-error/:name', (req, reply) => reply.send(named(req)));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
});

afterAll(() => app.close());

/** What must not differ between two ways of raising the same error: the status, the checked headers, the body. */
function answer(received: Received, name: string, route: string): unknown {
  return {
    status: received.status,
    headers: checkedHeaders(received.headers),
    // The body may name the request's path (problem details' `instance`): the route's own segment is not the point.
    body: received.text.replaceAll(`/${route}/${name}`, '/<route>/<name>'),
  };
}

describe('fastify: an error returned or sent instead of thrown', () => {
  it('covers errors of every family (the table is not empty)', () => {
    expect(ERROR_SCENARIOS.length).toBeGreaterThan(20);
  });

  for (const scenario of ERROR_SCENARIOS) {
    it(`${scenario.name}: returned, returned after a lookup, and sent answer as thrown (${scenario.status})`, async () => {
      const thrown = await request(`${base}/throw/${scenario.name}`);
      expect(thrown.status).toBe(scenario.status);
      const expected = answer(thrown, scenario.name, 'throw');
      for (const route of ['returned', 'returned-later', 'sent-error']) {
        const received = await request(`${base}/${route}/${scenario.name}`);
        expect(answer(received, scenario.name, route), route).toEqual(expected);
      }
    });
  }
});
