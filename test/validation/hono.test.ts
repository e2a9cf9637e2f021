import { describeValidationContract } from './contract.js';
import { honoValidationHarness } from './hono-app.js';
import { describeStandardSchemaContract } from './standard-contract.js';

describeValidationContract(honoValidationHarness);
describeStandardSchemaContract(honoValidationHarness);
