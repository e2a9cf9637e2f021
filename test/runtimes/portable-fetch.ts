// The fetch harness's app (test/harness/fetch-app.ts) for every envelope: Node, Bun, Deno, workerd.
import { fetchApp } from '../harness/fetch-app.js';
import { perEnvelope } from './portable-adapters.js';

export * from './portable-adapters.js';

export const app = { fetch: perEnvelope(fetchApp) };

export default app;
