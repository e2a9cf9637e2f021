import type { Server } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import { listen } from '../support/http.js';
import { ELYSIA_DIFFERENCES, elysiaApp, elysiaFetch } from './elysia-app.js';
import { quietUnlessLogged, type AppSpec, type Harness } from './harness.js';

export { ELYSIA_DIFFERENCES, elysiaApp, elysiaFetch } from './elysia-app.js';

/** The recommended wiring: no framework-made difference is left. The parity suite runs this one. */
export const elysiaHarness: Harness = {
  framework: 'elysia',
  async start(spec: AppSpec) {
    return listen(createAdaptorServer({ fetch: elysiaFetch(quietUnlessLogged(spec)) }) as Server);
  },
};

/** The plugin alone (`app.listen()`), whose differences the contract pins. */
export const elysiaPluginOnlyHarness: Harness = {
  framework: 'elysia (plugin only)',
  differences: ELYSIA_DIFFERENCES,
  async start(spec: AppSpec) {
    const app = elysiaApp(quietUnlessLogged(spec));
    return listen(createAdaptorServer({ fetch: (request: Request) => app.handle(request) }) as Server);
  },
};
