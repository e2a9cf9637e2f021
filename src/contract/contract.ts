import { createFaultline, ENVELOPES, type EnvelopeName, type Faultline } from '../kit.js';
import { checkedHeaders } from './checked-headers.js';
import { ContractFailure } from './failure.js';
import type { AppSpec, FrameworkDifference, Harness, RunningApp } from './harness.js';
import { contractProbes, type ContractProbe } from './probes.js';
import { CONTRACT_SCENARIOS, SECRET, throwersOf, type ThrowScenario } from './scenarios.js';
import { send, type Received } from './send.js';

export interface ContractOptions {
  /**
   * Scenarios run besides the contract's own: errors made by the libraries your users throw
   * (http-errors, Boom, your framework's exceptions). Their names must not repeat the contract's.
   */
  readonly scenarios?: readonly ThrowScenario[];
  /** The envelopes to run the contract in. Default: all five. */
  readonly envelopes?: readonly EnvelopeName[];
}

/** One check, run against an app started for its suite. Throws a `ContractFailure` when it fails. */
export interface ContractCase {
  readonly name: string;
  run(app: RunningApp): Promise<void>;
}

/** The cases that share one app, started with `spec`. */
export interface ContractSuite {
  readonly name: string;
  readonly spec: AppSpec;
  readonly cases: readonly ContractCase[];
}

/**
 * The contract as data: one suite per envelope, each an app to start and the cases to run against
 * it (every probe, headers already sent, and the app still serving at the end). Any test runner,
 * or none, can run it; `runAdapterContract` and `verifyAdapter` do.
 */
export function adapterContract(harness: Harness, options: ContractOptions = {}): readonly ContractSuite[] {
  const scenarios = [...CONTRACT_SCENARIOS, ...(options.scenarios ?? [])];
  const names = new Set<string>();
  for (const { name } of scenarios) {
    if (names.has(name)) throw new TypeError(`contract: two scenarios are named ${JSON.stringify(name)}`);
    names.add(name);
  }
  const throwers = throwersOf(scenarios);
  const probes = contractProbes(scenarios);
  for (const difference of harness.differences ?? []) {
    if (!probes.some((probe) => probe.name === difference.probe)) {
      throw new TypeError(`contract: ${harness.framework} declares a difference for ${JSON.stringify(difference.probe)}, which is no probe`);
    }
  }
  return (options.envelopes ?? (Object.keys(ENVELOPES) as EnvelopeName[])).map((envelope, index) => {
    const core = createFaultline({ envelope });
    const cases: ContractCase[] = probes.map((probe) => probeCase(probe, core, harness.differences?.find((d) => d.probe === probe.name)));
    // Failing mid-body does not depend on the envelope: once is enough (frameworks log it loudly).
    if (index === 0) cases.push({ name: 'headers already sent: no second response, and the server keeps serving', run: headersAlreadySent });
    cases.push({ name: 'still serves after every probe', run: stillServes });
    return { name: `${harness.framework}: ${envelope}`, spec: { options: { envelope }, throwers }, cases };
  });
}

function probeCase(probe: ContractProbe, core: Faultline, difference: FrameworkDifference | undefined): ContractCase {
  return {
    name: difference === undefined ? probe.name : `${probe.name} (framework-made: ${difference.status})`,
    async run(app) {
      const received = await send(app.url + probe.path, probe.init);
      noSecret(probe.name, received);
      if (difference !== undefined) {
        if (received.status !== difference.status) {
          throw new ContractFailure(`${probe.name}: status ${received.status}, the harness declares ${difference.status} (${difference.reason})`, difference.status, received.status);
        }
        return;
      }
      const expected = probe.expected(core);
      const actual = { status: received.status, body: received.text, headers: checkedHeaders(received.headers) };
      const wrong: string[] = [];
      if (actual.status !== expected.status) wrong.push(`status ${actual.status}, expected ${expected.status}`);
      if (actual.body !== expected.body) wrong.push(`body ${JSON.stringify(actual.body)}, expected ${JSON.stringify(expected.body)}`);
      for (const name of Object.keys(expected.headers) as (keyof typeof expected.headers)[]) {
        if (actual.headers[name] !== expected.headers[name]) {
          wrong.push(`${name}: ${JSON.stringify(actual.headers[name])}, expected ${JSON.stringify(expected.headers[name])}`);
        }
      }
      if (wrong.length > 0) throw new ContractFailure(`${probe.name} (${probe.init?.method ?? 'GET'} ${probe.path}): ${wrong.join('; ')}`, expected, actual);
    },
  };
}

function noSecret(name: string, received: Received): void {
  const headers = JSON.stringify([...received.headers]);
  if (received.text.includes(SECRET) || headers.includes(SECRET)) {
    throw new ContractFailure(`${name}: the response carries a value that must never leave (${SECRET})`);
  }
}

// Once the status line is out nothing can be corrected: the adapter must not write a second
// response into the body; the framework ends the connection (or the body) and keeps serving.
async function headersAlreadySent(app: RunningApp): Promise<void> {
  const outcome = await send(`${app.url}/sent`).then(
    (res) => ({ status: res.status, body: res.text }),
    () => ({ status: 0, body: 'connection ended' }),
  );
  if (outcome.status !== 0 && outcome.status !== 200) {
    throw new ContractFailure(`/sent: status ${outcome.status} after the status line was sent`, 200, outcome.status);
  }
  if (outcome.body.includes('"status"') || outcome.body.includes('Internal Server Error')) {
    throw new ContractFailure(`/sent: an error body was written after the body had begun: ${JSON.stringify(outcome.body)}`);
  }
  await stillServes(app);
}

async function stillServes(app: RunningApp): Promise<void> {
  const res = await send(`${app.url}/ok`);
  if (res.status !== 200) throw new ContractFailure(`/ok: status ${res.status}: the app stopped serving`, 200, res.status);
}

/**
 * The functions of a test runner the contract needs: vitest, jest and `bun:test` name the hooks
 * `beforeAll`/`afterAll`, `node:test` names them `before`/`after`; pass the module as it is.
 */
export type TestRunner = {
  describe(name: string, body: () => void): unknown;
  it(name: string, body: () => Promise<void>): unknown;
} & (
  | { beforeAll(body: () => Promise<void>): unknown; afterAll(body: () => Promise<void>): unknown }
  | { before(body: () => Promise<void>): unknown; after(body: () => Promise<void>): unknown }
);

/**
 * Registers the contract with a test runner: a `describe` per envelope, an app started before its
 * cases and closed after them, an `it` per case.
 *
 * ```ts
 * import * as vitest from 'vitest';       // or: import * as test from 'node:test'
 * runAdapterContract(myHarness, vitest);
 * ```
 */
export function runAdapterContract(harness: Harness, runner: TestRunner, options?: ContractOptions): void {
  const [before, after] = 'beforeAll' in runner ? [runner.beforeAll, runner.afterAll] : [runner.before, runner.after];
  for (const suite of adapterContract(harness, options)) {
    runner.describe(suite.name, () => {
      let app: RunningApp | undefined;
      before(async () => {
        app = await harness.start(suite.spec);
      });
      after(async () => {
        await app?.close();
      });
      for (const check of suite.cases) {
        runner.it(check.name, async () => {
          if (app === undefined) throw new ContractFailure(`${suite.name}: the app did not start`);
          await check.run(app);
        });
      }
    });
  }
}

/** What `verifyAdapter` found. */
export interface ContractReport {
  readonly framework: string;
  readonly passed: number;
  readonly failures: readonly { readonly suite: string; readonly check: string; readonly message: string }[];
}

/** Runs the whole contract without a test runner (a script, a CI step) and reports every failure. */
export async function verifyAdapter(harness: Harness, options?: ContractOptions): Promise<ContractReport> {
  let passed = 0;
  const failures: { suite: string; check: string; message: string }[] = [];
  for (const suite of adapterContract(harness, options)) {
    let app: RunningApp;
    try {
      app = await harness.start(suite.spec);
    } catch (error) {
      failures.push({ suite: suite.name, check: 'start', message: messageOf(error) });
      continue;
    }
    try {
      for (const check of suite.cases) {
        try {
          await check.run(app);
          passed++;
        } catch (error) {
          failures.push({ suite: suite.name, check: check.name, message: messageOf(error) });
        }
      }
    } finally {
      await app.close();
    }
  }
  return { framework: harness.framework, passed, failures };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
