import { describeValidationContract } from './contract.js';
import { expressValidationHarness } from './express-app.js';
import { describeStandardSchemaContract } from './standard-contract.js';

describeValidationContract(expressValidationHarness);
describeStandardSchemaContract(expressValidationHarness);
