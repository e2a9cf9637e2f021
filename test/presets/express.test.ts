import { SEED_EXAMPLES } from './all-examples.js';
import { expressPresetHarness } from './harness/express.js';
import { describePresetExamples } from './run-http.js';

describePresetExamples(expressPresetHarness, SEED_EXAMPLES);
