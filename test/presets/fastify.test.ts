import { SEED_EXAMPLES } from './all-examples.js';
import { fastifyPresetHarness } from './harness/fastify.js';
import { describePresetExamples } from './run-http.js';

describePresetExamples(fastifyPresetHarness, SEED_EXAMPLES);
