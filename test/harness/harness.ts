// The harness types are the published contract's (faultline/kit/contract): faultline's own
// adapters are checked by the same module a third-party adapter runs.
import type { AppSpec, RunningApp as ContractApp } from '../../src/contract/index.js';
import { request, type Received } from '../support/http.js';

export { thrower, type AppSpec, type FrameworkDifference, type Harness, type LogEntry } from '../../src/contract/index.js';

/** A started app, and how to ask it when not over HTTP/1.1 with fetch (an HTTP/2 app's own client session). */
export interface RunningApp extends ContractApp {
  request?(path: string, init?: RequestInit): Promise<Received>;
}

/** One request to an app under test, over the protocol it serves. */
export function requestApp(app: RunningApp, path: string, init?: RequestInit): Promise<Received> {
  return app.request === undefined ? request(`${app.url}${path}`, init) : app.request(path, init);
}

/**
 * The spec with faultline's default logging off when the test did not ask for logs, for frameworks
 * with no logging switch of their own (Hono, a fetch handler, Elysia): `logUnexpected: false`, as
 * their users would write it in tests.
 */
export function quietUnlessLogged(spec: AppSpec): AppSpec {
  return spec.log === undefined ? { ...spec, options: { logUnexpected: false, ...spec.options } } : spec;
}
