import type { Harness } from './harness.js';
import { startNest } from './nest.js';

/** The Nest harness on `@nestjs/platform-fastify`: the same controllers, Fastify underneath. */
export const nestFastifyHarness: Harness = {
  framework: 'nest-fastify',
  start: (spec) => startNest('fastify', spec),
};
