import { describeAdapterContract } from '../harness/contract.js';
import { express4Harness } from '../harness/express4.js';

describeAdapterContract(express4Harness);
