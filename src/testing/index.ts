// faultline/testing: matchers for the tests of an API that uses faultline, for vitest and jest
// (and any runner with jest's `expect.extend`). Imports neither: `faultline/testing/vitest` and
// `faultline/testing/jest` register them and declare their types in one import.

import type { EnvelopeName } from '../envelopes/envelope.js';
import type { MatcherContext, MatcherResult } from './matcher-context.js';
import { toBeFault, type FaultExpectation } from './to-be-fault.js';
import { toMatchEnvelope } from './to-match-envelope.js';

export type { AsymmetricMatcherLike, FaultExpectation, IssueExpectation, Matchable } from './to-be-fault.js';
export type { TestedResponse, FetchResponseInput, ReadResponseInput } from './received.js';
export type { MatcherContext, MatcherResult } from './matcher-context.js';

/**
 * The matchers, for `expect.extend(faultlineMatchers)`. Each takes a fetch `Response` (then
 * `await` the assertion: the body is read from a clone), a supertest response, or
 * `{ status, headers, body }`.
 */
export const faultlineMatchers: {
  toBeFault(this: MatcherContext, received: unknown, expected?: FaultExpectation): MatcherResult | Promise<MatcherResult>;
  toMatchEnvelope(this: MatcherContext, received: unknown, envelope: EnvelopeName): MatcherResult | Promise<MatcherResult>;
} = { toBeFault, toMatchEnvelope };

/**
 * The matchers' types, for a runner's `Matchers` interface; `R` is what the runner's matchers
 * return. `await` them when the response is a fetch `Response`.
 */
export interface FaultlineMatchers<R = unknown> {
  /** The response is an error (400–599) with a JSON body, if any, and every member given matches. */
  toBeFault(expected?: FaultExpectation): R;
  /** The body is valid against the envelope's JSON Schema, with the envelope's content type. */
  toMatchEnvelope(envelope: EnvelopeName): R;
}
