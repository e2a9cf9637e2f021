import { BODY_MESSAGES, errors, routeNotFound, withExistingVary, type ErrorResponse, type Faultline, type RequestFacts } from '../kit.js';
import { CHECKED_HEADERS, sortedVary, type CheckedHeader } from './checked-headers.js';
import { ContractFailure } from './failure.js';
import { CONTRACT_SCENARIOS, type ThrowScenario } from './scenarios.js';

/** What the adapter must answer: status, body byte for byte, and each checked header (`null`: absent). */
export interface ExpectedResponse {
  readonly status: number;
  readonly body: string;
  readonly headers: Readonly<Record<CheckedHeader, string | null>>;
}

/** One request the contract sends, and the response the core gives for it. */
export interface ContractProbe {
  /** `throw null`, `async faultline-404`, `unmatched route`, `body too large`, … */
  readonly name: string;
  readonly path: string;
  readonly init?: RequestInit;
  expected(core: Faultline): ExpectedResponse;
}

function facts(path: string, init: RequestInit | undefined): RequestFacts {
  const headers = new Headers(init?.headers);
  return { method: init?.method ?? 'GET', path, header: (name) => headers.get(name) ?? undefined };
}

function expectedOf(response: ErrorResponse, overrides: Partial<Record<CheckedHeader, string | null>> = {}): ExpectedResponse {
  const headers = {} as Record<CheckedHeader, string | null>;
  for (const name of CHECKED_HEADERS) headers[name] = response.headers[name] ?? null;
  Object.assign(headers, overrides);
  if (headers.vary !== null) headers.vary = sortedVary(headers.vary);
  return { status: response.status, body: response.body ?? '', headers };
}

function scenarioProbe(scenario: ThrowScenario, route: 'throw' | 'async'): ContractProbe {
  const path = `/${route}/${scenario.name}`;
  return {
    name: `${route} ${scenario.name}`,
    path,
    expected(core) {
      const expected = expectedOf(core.handle(scenario.thrown(), facts(path, undefined)));
      // The scenario's own claims hold for the core, or the table (or faultline) is wrong.
      const claims = { status: scenario.status, headers: scenario.headers ?? {} };
      const rendered = { status: expected.status, headers: Object.fromEntries(Object.keys(claims.headers).map((name) => [name, expected.headers[name as CheckedHeader] ?? null])) };
      if (JSON.stringify(rendered) !== JSON.stringify(claims)) {
        throw new ContractFailure(`scenario ${scenario.name}: the core renders ${JSON.stringify(rendered)}, the scenario says ${JSON.stringify(claims)}`, claims, rendered);
      }
      return expected;
    },
  };
}

function thrownProbe(name: string, path: string, thrown: () => unknown, init?: RequestInit): ContractProbe {
  const at = path.split('?')[0] as string;
  return { name, path, ...(init === undefined ? {} : { init }), expected: (core) => expectedOf(core.handle(thrown(), facts(at, init))) };
}

/** A probe throwing one of the contract's own scenarios through `/<route>/<scenario>`. */
function ownProbe(name: string, route: 'throw' | 'cors' | 'stale', scenario: string, init?: RequestInit): ContractProbe {
  const found = CONTRACT_SCENARIOS.find((s) => s.name === scenario) as ThrowScenario;
  const probe = thrownProbe(name, `/${route}/${scenario}`, found.thrown, init);
  if (route !== 'cors') return probe;
  // CORS headers set before the error stay, and the error's own Vary joins the route's `Vary: Origin`.
  return {
    ...probe,
    expected(core) {
      const response = core.handle(found.thrown(), facts(probe.path, init));
      return expectedOf(response, { 'access-control-allow-origin': '*', vary: withExistingVary(response.headers, 'Origin').vary ?? 'Origin' });
    },
  };
}

const JSON_POST = { method: 'POST', headers: { 'content-type': 'application/json' } } as const;

/**
 * Every probe, in order: each scenario thrown synchronously and asynchronously, then the framework
 * edges (unmatched routes, HEAD, content negotiation, CORS, stale headers, request bodies). The
 * edges throw scenarios of the contract's own list, which is therefore always part of the run.
 */
export function contractProbes(scenarios: readonly ThrowScenario[]): readonly ContractProbe[] {
  return [
    ...scenarios.flatMap((s) => [scenarioProbe(s, 'throw'), scenarioProbe(s, 'async')]),
    thrownProbe('unmatched route', '/no/such/route?x=1', () => routeNotFound('GET', '/no/such/route')),
    thrownProbe('unmatched route, POST', '/no/such/route', () => routeNotFound('POST', '/no/such/route'), { method: 'POST' }),
    ownProbe('HEAD of a 404', 'throw', 'faultline-404', { method: 'HEAD' }),
    ownProbe('HEAD of a 500', 'throw', 'plain-error', { method: 'HEAD' }),
    ownProbe('Accept: application/json only', 'throw', 'faultline-404', { headers: { accept: 'application/json' } }),
    ownProbe('Accept prefers JSON by q-value', 'throw', 'plain-error', { headers: { accept: 'application/problem+json;q=0.5, application/json' } }),
    ownProbe('Accept excludes both: the envelope type, never a 406', 'throw', 'catalog-409', { headers: { accept: 'text/html' } }),
    ownProbe('CORS headers kept', 'cors', 'faultline-401'),
    ownProbe('Accept: JSON with CORS Vary kept', 'cors', 'faultline-401', { headers: { accept: 'application/json' } }),
    // The route's ETag and Content-Disposition described a body that is not sent: they are gone.
    ownProbe('stale headers removed', 'stale', 'faultline-429'),
    thrownProbe('malformed JSON', '/json', () => errors.badRequest(BODY_MESSAGES.malformed), { ...JSON_POST, body: '{"name": "x", SECRET' }),
    thrownProbe('body too large', '/json', () => errors.payloadTooLarge(BODY_MESSAGES.tooLarge), {
      ...JSON_POST,
      body: JSON.stringify({ blob: 'x'.repeat(4096) }),
    }),
  ];
}
