// `npm run bench` section "what-apps-throw" (run alone: `tsx bench/what-apps-throw.ts`):
// 1. the ok path of validate() with a zod schema, against calling the zod schema directly;
// 2. the 404 path (and, for the record, an unrecognised error's 500 path) with every recogniser
//    family on, against all of them turned off.
// Interleaved rounds, the order alternating, medians: on a shared 2-core machine the spread
// between rounds is larger than most of these differences; read the ratios, not the nanoseconds.
import type { NextFunction, Request, Response } from 'express';
import { z } from 'zod';
import { validate } from '../adapters/express/validate.js';
import { createFaultline, errors } from '../src/index.js';
import { RECOGNIZER_FAMILIES, routeNotFound, type RecognizerFamily } from '../src/kit.js';
import { median, ratio } from './stats.js';

const quick = process.argv.includes('--quick');
const ROUNDS = quick ? 5 : 15;
const TARGET_MS = quick ? 40 : 120;

/** ns per call of each candidate, measured in interleaved rounds; each round ~TARGET_MS per candidate. */
function compare(candidates: Record<string, () => void>): Record<string, number> {
  const names = Object.keys(candidates);
  const samples: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
  // Warm up and size a batch to about TARGET_MS.
  let batch = 1000;
  for (const name of names) for (let i = 0; i < 20_000; i++) (candidates[name] as () => void)();
  const probe = candidates[names[0] as string] as () => void;
  const start = process.hrtime.bigint();
  for (let i = 0; i < batch; i++) probe();
  const perCall = Number(process.hrtime.bigint() - start) / batch;
  batch = Math.max(1000, Math.round((TARGET_MS * 1e6) / perCall));
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? names : names.toReversed();
    for (const name of order) {
      const run = candidates[name] as () => void;
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < batch; i++) run();
      (samples[name] as number[]).push(Number(process.hrtime.bigint() - t0) / batch);
    }
  }
  return Object.fromEntries(names.map((name) => [name, median(samples[name] as number[])]));
}

function table(title: string, rows: [string, number][], baseline: number, note: string): void {
  console.log(`### ${title}\n`);
  console.log('| candidate | ns/op (median) | throughput vs baseline |');
  console.log('|---|---:|---:|');
  for (const [name, ns] of rows) console.log(`| ${name} | ${ns.toFixed(0)} | ${ratio(baseline / ns)} |`);
  console.log(`\n${note}\n`);
}

// 1. validate() with zod: a pins body of 10 pins, checked by the Express middleware (no server).
const Pins = z.strictObject({ pins: z.array(z.strictObject({ cid: z.string().min(1), name: z.string().max(255).optional() })).max(10000) });
const body = { pins: Array.from({ length: 10 }, (_, i) => ({ cid: `bafybeig${i}`, name: `pin ${i}` })) };
const middleware = validate({ body: Pins });
const res = {} as Response;
let passed = 0;
const next: NextFunction = () => {
  passed++;
};
const req = { params: {}, query: {}, headers: {}, body } as unknown as Request;
let sink: unknown;
const validateResults = compare({
  'zod directly: Pins.safeParse(body)': () => {
    const result = Pins.safeParse(body);
    if (result.success) sink = result.data;
  },
  "zod's Standard Schema: Pins['~standard'].validate(body)": () => {
    sink = Pins['~standard'].validate(body);
  },
  'faultline/express validate({ body: Pins }) middleware': () => {
    req.body = body;
    middleware(req, res, next);
  },
});
if (passed === 0 || sink === undefined) throw new Error('bench bug: nothing was validated');
const direct = validateResults['zod directly: Pins.safeParse(body)'] as number;
table(
  'validate() with zod, ok path: the middleware against calling zod directly',
  Object.entries(validateResults),
  direct,
  'Target: validate() ≥ 0.98x of calling the zod schema directly.',
);

// 2. The 404 path, and an unrecognised error, with every family on and with all of them off.
const everyFamily = Object.keys(RECOGNIZER_FAMILIES) as RecognizerFamily[];
const withAll = createFaultline();
const withNone = createFaultline({ disableRecognizers: everyFamily });
const facts = { method: 'GET', path: '/pins/nope' };
const unknownError = new TypeError('Cannot read properties of undefined');
const notFoundResults = compare({
  '404 (unmatched route), every family on': () => {
    sink = withAll.handle(routeNotFound('GET', '/pins/nope'), facts);
  },
  '404 (unmatched route), every family off': () => {
    sink = withNone.handle(routeNotFound('GET', '/pins/nope'), facts);
  },
  '404 (errors.notFound()), every family on': () => {
    sink = withAll.handle(errors.notFound(), facts);
  },
  '404 (errors.notFound()), every family off': () => {
    sink = withNone.handle(errors.notFound(), facts);
  },
  'unrecognised TypeError (500), every family on': () => {
    sink = withAll.handle(unknownError, facts);
  },
  'unrecognised TypeError (500), every family off': () => {
    sink = withNone.handle(unknownError, facts);
  },
});
table(
  'the recognisers on the error path',
  Object.entries(notFoundResults),
  notFoundResults['404 (unmatched route), every family off'] as number,
  "Target: no measurable cost on the 404 path (faultline's own errors are recognised first). " +
    'An unrecognised error is tried against every family before it is a 500: that cost is shown, not hidden.',
);
