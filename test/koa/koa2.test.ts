import { describeAdapterContract } from '../harness/contract.js';
import { koa2Harness } from '../harness/koa2.js';

describeAdapterContract(koa2Harness);
