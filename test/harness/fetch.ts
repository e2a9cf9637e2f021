import type { Server } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import { listen } from '../support/http.js';
import { fetchApp } from './fetch-app.js';
import { quietUnlessLogged, type AppSpec, type Harness } from './harness.js';

export { fetchApp } from './fetch-app.js';

export const fetchHarness: Harness = {
  framework: 'fetch',
  async start(spec: AppSpec) {
    return listen(createAdaptorServer({ fetch: fetchApp(quietUnlessLogged(spec)) }) as Server);
  },
};
