import { describeValidationContract } from './contract.js';
import { honoValidationHarness } from './hono-app.js';

describeValidationContract(honoValidationHarness);
