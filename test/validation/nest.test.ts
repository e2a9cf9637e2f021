import { describeValidationContract } from './contract.js';
import { nestFastifyValidationHarness, nestValidationHarness } from './nest-app.js';

describeValidationContract(nestValidationHarness);
describeValidationContract(nestFastifyValidationHarness);
