import { describeAdapterContract } from '../harness/contract.js';
import { fastifyHarness } from '../harness/fastify.js';

describeAdapterContract(fastifyHarness);
