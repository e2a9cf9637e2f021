import { describeAdapterContract } from '../harness/contract.js';
import { koaHarness } from '../harness/koa.js';

describeAdapterContract(koaHarness);
