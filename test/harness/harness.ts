// The harness types are the published contract's (faultline/kit/contract): faultline's own
// adapters are checked by the same module a third-party adapter runs.
export { thrower, type AppSpec, type FrameworkDifference, type Harness, type LogEntry, type RunningApp } from '../../src/contract/index.js';

import type { AppSpec as Spec } from '../../src/contract/index.js';

/**
 * The spec with faultline's default logging off when the test did not ask for logs, for frameworks
 * with no logging switch of their own (Hono, a fetch handler, Elysia): `logUnexpected: false`, as
 * their users would write it in tests.
 */
export function quietUnlessLogged(spec: Spec): Spec {
  return spec.log === undefined ? { ...spec, options: { logUnexpected: false, ...spec.options } } : spec;
}
