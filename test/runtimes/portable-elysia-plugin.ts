// The Elysia harness's app with the plugin alone, as `app.listen()` serves it: what Elysia fails on
// before `.onError` (ELYSIA_DIFFERENCES) is answered by Bun itself. Bun only.
import { ELYSIA_DIFFERENCES, elysiaApp } from '../harness/elysia-app.js';
import { perEnvelope } from './portable-adapters.js';

export * from './portable-adapters.js';

export const DIFFERENCES = ELYSIA_DIFFERENCES;

export const app = {
  fetch: perEnvelope((spec) => {
    const elysia = elysiaApp(spec);
    return (request: Request) => elysia.handle(request);
  }),
};

export default app;
