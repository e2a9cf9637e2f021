import { describeAdapterContract } from '../harness/contract.js';
import { elysiaHarness, elysiaPluginOnlyHarness } from '../harness/elysia.js';

// As the guide wires it: the plugin, and the app's fetch inside faultline/fetch's errorBoundary.
describeAdapterContract(elysiaHarness);
// The plugin alone: what Elysia itself cannot hand to onError is the server's own 500.
describeAdapterContract(elysiaPluginOnlyHarness);
