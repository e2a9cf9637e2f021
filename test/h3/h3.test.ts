import { describeAdapterContract } from '../harness/contract.js';
import { h3Harness } from '../harness/h3.js';

describeAdapterContract(h3Harness);
