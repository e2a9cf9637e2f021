import { SEED_EXAMPLES } from './all-examples.js';
import { koaPresetHarness } from './harness/koa.js';
import { describePresetExamples } from './run-http.js';

describePresetExamples(koaPresetHarness, SEED_EXAMPLES);
