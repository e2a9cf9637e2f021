import type { SeedExamples } from './example.js';
import { seed000 } from './examples-000.js';
import { seed001 } from './examples-001.js';
import { seed002 } from './examples-002.js';
import { seed003 } from './examples-003.js';
import { seed004 } from './examples-004.js';

/** Every documented example of the five seed pages, each with the preset that reproduces it. */
export const SEED_EXAMPLES: readonly SeedExamples[] = [seed000, seed001, seed002, seed003, seed004];
