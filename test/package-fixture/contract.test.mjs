// `node --test contract.test.mjs`: the whole adapter contract, under node:test.
import * as test from 'node:test';
import { runAdapterContract } from 'faultline/kit/contract';
import * as adapter from './adapter.mjs';
import { harnessFor } from './harness.mjs';

runAdapterContract(harnessFor('node:http', adapter), test);
