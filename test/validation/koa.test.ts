import { describeValidationContract } from './contract.js';
import { koaValidationHarness } from './koa-app.js';
import { describeStandardSchemaContract } from './standard-contract.js';

describeValidationContract(koaValidationHarness);
describeStandardSchemaContract(koaValidationHarness);
