import * as vitest from 'vitest';
import { checkedHeaders, runAdapterContract, type Harness } from '../../src/contract/index.js';
import { LIBRARY_SCENARIOS } from '../scenarios/throwables.js';

/** The headers the contract compares, from a response (a stable `Vary` order). */
export const pickHeaders = checkedHeaders;

/**
 * The published adapter contract (`faultline/kit/contract`), as a third party runs it, plus the
 * library-made scenarios (http-errors, Boom) this suite has installed.
 */
export function describeAdapterContract(harness: Harness): void {
  runAdapterContract(harness, vitest, { scenarios: LIBRARY_SCENARIOS });
}
