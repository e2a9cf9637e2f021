import { describeAdapterContract } from '../harness/contract.js';
import { nestHarness } from '../harness/nest.js';
import { nestFastifyHarness } from '../harness/nest-fastify.js';

describeAdapterContract(nestHarness);
describeAdapterContract(nestFastifyHarness);
