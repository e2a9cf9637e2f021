import { elysiaHarness } from './elysia.js';
import { expressHarness } from './express.js';
import { express4Harness } from './express4.js';
import { fastifyHarness } from './fastify.js';
import { fetchHarness } from './fetch.js';
import { h3Harness } from './h3.js';
import { honoHarness } from './hono.js';
import type { Harness } from './harness.js';
import { koaHarness } from './koa.js';
import { koa2Harness } from './koa2.js';
import { nestHarness } from './nest.js';
import { nestFastifyHarness } from './nest-fastify.js';

/** Every framework faultline supports, wired as its users wire it. The parity suite runs them all. */
export const HARNESSES: readonly Harness[] = [
  expressHarness,
  express4Harness,
  fastifyHarness,
  honoHarness,
  koaHarness,
  koa2Harness,
  nestHarness,
  nestFastifyHarness,
  fetchHarness,
  h3Harness,
  elysiaHarness,
];

/**
 * The adapters that read no router for a 405 (a fetch handler has none): a known path asked with
 * another method stays the unmatched-route 404 there.
 */
export const WITHOUT_ALLOWED_METHODS: readonly string[] = ['fetch'];
