import { expressHarness } from './express.js';
import { fastifyHarness } from './fastify.js';
import type { Harness } from './harness.js';

/** Every framework faultline supports, wired as its users wire it. The parity suite runs them all. */
export const HARNESSES: readonly Harness[] = [expressHarness, fastifyHarness];
