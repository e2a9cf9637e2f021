// `faultline(app, options)` on Express is `app.use(notFound(), errorHandler(options))`: the whole
// adapter contract runs through a harness wired with the one call.
import { describeAdapterContract } from '../harness/contract.js';
import { expressOneCallHarness } from '../harness/express.js';

describeAdapterContract(expressOneCallHarness);
