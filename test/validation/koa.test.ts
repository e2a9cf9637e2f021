import { describeValidationContract } from './contract.js';
import { koaValidationHarness } from './koa-app.js';

describeValidationContract(koaValidationHarness);
