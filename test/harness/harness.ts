// The harness types are the published contract's (faultline/kit/contract): faultline's own
// adapters are checked by the same module a third-party adapter runs.
export { thrower, type AppSpec, type FrameworkDifference, type Harness, type RunningApp } from '../../src/contract/index.js';
