import { SEED_EXAMPLES } from './all-examples.js';
import { nestFastifyPresetHarness, nestPresetHarness } from './harness/nest.js';
import { describePresetExamples } from './run-http.js';

describePresetExamples(nestPresetHarness, SEED_EXAMPLES);
describePresetExamples(nestFastifyPresetHarness, SEED_EXAMPLES);
