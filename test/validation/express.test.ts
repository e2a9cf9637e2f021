import { describeValidationContract } from './contract.js';
import { expressValidationHarness } from './express-app.js';

describeValidationContract(expressValidationHarness);
