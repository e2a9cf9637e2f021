// The cost of a body full of invalid values, before and after bodies went fail-fast: what a
// hostile client buys per request. `node --expose-gc --import tsx bench/issue-flood.ts`
// Validation only (the JSON is already parsed), in process, median of 5 runs; heap is the growth
// while validating, measured right after, before any collection.
import { Ajv } from 'ajv';
import { createRequestValidator, createSchemaCompiler, DEFAULT_AJV_OPTIONS, LISTING_AJV_OPTIONS, RequestValidationError } from '../src/kit.js';
import { median } from './stats.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with node --expose-gc');

const schema = { type: 'array', items: { type: 'string' } };
const variants = {
  // What validate() did before: one Ajv with allErrors for bodies.
  'allErrors (before)': createRequestValidator(createSchemaCompiler(new Ajv({ allErrors: true })), { body: schema }),
  // Now: fail-fast, listed in full only while small.
  'fail-fast + listing (now)': createRequestValidator(createSchemaCompiler(new Ajv(DEFAULT_AJV_OPTIONS), new Ajv(DEFAULT_AJV_OPTIONS), new Ajv(LISTING_AJV_OPTIONS)), { body: schema }),
};

const names = Object.keys(variants);
const header = names.flatMap((name) => [`${name}: ms`, 'heap MB', 'issues']);
const rows: string[] = [`| invalid items | ${header.join(' | ')} |`, `|---:|${'---:|'.repeat(header.length)}`];
for (const items of [400, 50_000, 1_000_000]) {
  const body = Array.from({ length: items }, () => 0);
  const times: number[][] = names.map(() => []);
  const heaps: number[][] = names.map(() => []);
  const issues: number[] = names.map(() => 0);
  for (let round = 0; round < 5; round++) {
    for (const [index, validator] of Object.values(variants).entries()) {
      gc();
      const before = process.memoryUsage().heapUsed;
      const started = performance.now();
      try {
        validator.validateRequest({ body });
      } catch (error) {
        issues[index] = (error as RequestValidationError).issues?.length ?? 0;
      }
      (times[index] as number[]).push(performance.now() - started);
      (heaps[index] as number[]).push((process.memoryUsage().heapUsed - before) / 1e6);
    }
  }
  const cells = names.flatMap((_, i) => [median(times[i] as number[]).toFixed(1), median(heaps[i] as number[]).toFixed(1), String(issues[i])]);
  rows.push(`| ${items.toLocaleString('en')} | ${cells.join(' | ')} |`);
}
console.log(rows.join('\n'));
