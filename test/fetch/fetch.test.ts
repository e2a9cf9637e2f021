import { describeAdapterContract } from '../harness/contract.js';
import { fetchHarness } from '../harness/fetch.js';

describeAdapterContract(fetchHarness);
