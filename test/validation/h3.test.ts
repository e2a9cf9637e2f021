import { describeValidationContract } from './contract.js';
import { h3ValidationHarness } from './h3-app.js';

describeValidationContract(h3ValidationHarness);
