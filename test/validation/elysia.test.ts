import { describeValidationContract } from './contract.js';
import { elysiaValidationHarness } from './elysia-app.js';

describeValidationContract(elysiaValidationHarness);
