import { describeValidationContract } from './contract.js';
import { nestFastifyValidationHarness, nestValidationHarness } from './nest-app.js';
import { describeStandardSchemaContract } from './standard-contract.js';

describeValidationContract(nestValidationHarness);
describeValidationContract(nestFastifyValidationHarness);
describeStandardSchemaContract(nestValidationHarness);
describeStandardSchemaContract(nestFastifyValidationHarness);
