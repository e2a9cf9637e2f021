import { describeValidationContract } from './contract.js';
import { fastifyValidationHarness } from './fastify-app.js';
import { describeStandardSchemaContract } from './standard-contract.js';

describeValidationContract(fastifyValidationHarness);
describeStandardSchemaContract(fastifyValidationHarness);
