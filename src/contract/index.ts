// faultline/kit/contract: the behaviour every faultline adapter has, runnable against any adapter.
// A harness starts the adapter's framework serving the contract's routes; the contract sends real
// HTTP requests and compares each response with what the core renders for the same thrown value.
// Web-standard only (fetch, Request, Response, Headers): it imports no test runner and no Node module.

export { adapterContract, runAdapterContract, verifyAdapter } from './contract.js';
export type { ContractCase, ContractOptions, ContractReport, ContractSuite, TestRunner } from './contract.js';
export { thrower, type AppSpec, type FrameworkDifference, type Harness, type LogEntry, type RunningApp } from './harness.js';
export { CONTRACT_SCENARIOS, SECRET, throwersOf, type ThrowScenario } from './scenarios.js';
export { contractProbes, type ContractProbe, type ExpectedResponse } from './probes.js';
export { CHECKED_HEADERS, checkedHeaders, sortedVary, type CheckedHeader } from './checked-headers.js';
export { ContractFailure } from './failure.js';
export { send, type Received } from './send.js';
