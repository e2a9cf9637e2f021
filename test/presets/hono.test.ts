import { SEED_EXAMPLES } from './all-examples.js';
import { honoPresetHarness } from './harness/hono.js';
import { describePresetExamples } from './run-http.js';

describePresetExamples(honoPresetHarness, SEED_EXAMPLES);
