import { describeAdapterContract } from '../harness/contract.js';
import { honoHarness } from '../harness/hono.js';

describeAdapterContract(honoHarness);
