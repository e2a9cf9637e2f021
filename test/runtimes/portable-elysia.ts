// The Elysia harness's app (test/harness/elysia-app.ts) for every envelope, served as the guide
// serves it (inside faultline/fetch's errorBoundary): Node and Bun.
import { elysiaFetch } from '../harness/elysia-app.js';
import { perEnvelope } from './portable-adapters.js';

export * from './portable-adapters.js';

export const app = { fetch: perEnvelope(elysiaFetch) };

export default app;
