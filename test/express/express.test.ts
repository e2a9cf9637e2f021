import { describeAdapterContract } from '../harness/contract.js';
import { expressHarness } from '../harness/express.js';

describeAdapterContract(expressHarness);
