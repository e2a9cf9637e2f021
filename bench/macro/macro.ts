import type { ChildProcess } from 'node:child_process';
import { estimate, median, ratio, ratioWithSpread, spread, SPREAD_WARNING, type Estimate } from '../stats.js';
import { table } from '../table.js';
import type { Target } from '../targets.js';
import { pin } from '../cpu.js';
import { buildServers } from './build-servers.js';
import { forkJs, LoadGenerator, nextMessage, type LoadRequest, type LoadResult } from './load.js';
import { BAD_PIN_BODY, PIN_BODY } from './servers/pin-schema.js';
import { CPU_QUERY, type CpuAnswer } from './servers/shared.js';

export interface MacroOptions {
  /** Interleaved rounds: each runs every server of a group once, in a rotated order. */
  readonly rounds: number;
  /** Seconds per autocannon run. */
  readonly seconds: number;
  readonly connections: number;
  /** Requests sent to each server process before the rounds. */
  readonly warmUp: number;
  /**
   * Processes started for each server. The rounds cycle through them, crossed between servers, so
   * the luck of one process (what the JIT compiled, where its heap landed), which holds for its
   * whole life, is sampled like the rest of the noise instead of fixed for the run: two processes
   * of the same server measured 0.93x–1.11x of each other from run to run.
   */
  readonly processes: number;
  /** Timed runs after the warm-up until the pace settles, not counted (off in `--quick`, to stay under two minutes). */
  readonly settle: boolean;
  /** Only these groups; all when empty. */
  readonly only: readonly string[];
  /** A Redis URL for the `redis-429` group; skipped without one. */
  readonly redisUrl?: string;
}

interface ServerSpec {
  readonly label: string;
  readonly file: string;
  readonly args: readonly string[];
}

/** Servers measured against each other in one interleaved series; the first is the one compared. */
interface Group {
  readonly name: string;
  readonly title: string;
  readonly servers: readonly ServerSpec[];
  readonly request: Omit<LoadRequest, 'url' | 'seconds' | 'connections'>;
  readonly path: string;
  /** `bytes`: every server must answer with the same status, headers and body; `status`: the same status. */
  readonly compare: 'bytes' | 'status';
  /** Requests sent before the check (a rate limit's first request is admitted, the rest refused). */
  readonly prime?: number;
  readonly needsRedis?: boolean;
}

/** What each error group compares faultline with, and the direct-write target of its framework. */
const FRAMEWORKS = [
  { name: 'express', title: 'Express 5', file: 'express.ts', args: [], directTarget: 0.97 },
  { name: 'fastify', title: 'Fastify 5', file: 'fastify.ts', args: [], directTarget: 0.92 },
  { name: 'koa', title: 'Koa 3', file: 'koa.ts', args: [], directTarget: 0.92 },
  { name: 'hono', title: 'Hono 4 (node-server)', file: 'hono.ts', args: [], directTarget: 0.92 },
  { name: 'nest', title: 'NestJS 12 (platform-express)', file: 'nest.ts', args: [], directTarget: 0.97 },
  { name: 'nest-fastify', title: 'NestJS 12 (platform-fastify)', file: 'nest.ts', args: ['--platform=fastify'], directTarget: 0.97 },
] as const;

function errorGroup(framework: (typeof FRAMEWORKS)[number]): Group {
  const server = (label: string, variant: string): ServerSpec => ({ label, file: framework.file, args: [variant, ...framework.args] });
  return {
    name: framework.name,
    title: framework.title,
    servers: [
      server('faultline', 'faultline'),
      server('direct', 'direct'),
      server('stackless', 'stackless'),
      server('http-errors', 'http-errors'),
      { label: 'node:http', file: 'node-http.ts', args: [] },
    ],
    request: { method: 'GET', expect: 404 },
    path: '/pins/42',
    compare: 'bytes',
  };
}

const express = (label: string, variant: string): ServerSpec => ({ label, file: 'express.ts', args: [variant] });
const POST_PIN = { method: 'POST', headers: { 'content-type': 'application/json' } } as const;

const OK_GROUP: Group = {
  name: 'express-ok',
  title: 'Express, POST /pins, ok path',
  servers: [
    express('without', 'ok'),
    express('rateLimit', 'ok-rate-limit'),
    express('hand limiter', 'ok-hand-limit'),
    express('validate', 'ok-validate'),
    express('ajv direct', 'ok-ajv'),
  ],
  request: { ...POST_PIN, body: PIN_BODY, expect: 201 },
  path: '/pins',
  compare: 'status',
};

const INVALID_GROUP: Group = {
  name: 'express-invalid',
  title: 'Express, POST /pins, failing validation',
  servers: [
    express('validate', 'fail-validate'),
    express('hand ajv → error handler → 400', 'fail-ajv'),
    express('hand ajv → 400 in place', 'fail-ajv-in-place'),
  ],
  request: { ...POST_PIN, body: BAD_PIN_BODY, expect: 400 },
  path: '/pins',
  compare: 'bytes',
};

const REDIS_GROUP: Group = {
  name: 'redis-429',
  title: 'Express, RateLimiterRedis, a key over its limit',
  servers: [express('inMemoryBlockOnConsumed', 'redis-429-block'), express('without it', 'redis-429')],
  request: { method: 'GET', expect: 429 },
  path: '/limited',
  compare: 'status',
  prime: 2,
  needsRedis: true,
};

/** An unmatched path (a 404) with the automatic 405 on, its default, and off: what reading the router costs a 404. */
function unmatchedGroup(framework: (typeof FRAMEWORKS)[number]): Group {
  const server = (label: string, state: string): ServerSpec => ({ label, file: 'unmatched.ts', args: [`${framework.name}-${state}`] });
  return {
    name: `${framework.name}-unmatched`,
    title: `${framework.title}, an unmatched path among 16 routes`,
    servers: [server('405 on', 'on'), server('405 off', 'off')],
    request: { method: 'GET', expect: 404 },
    path: '/nowhere/42',
    compare: 'bytes',
  };
}

const UNMATCHED_GROUPS: readonly Group[] = FRAMEWORKS.filter((framework) => framework.name !== 'nest-fastify').map(unmatchedGroup);

/**
 * The same 404 from a route that first awaits a lookup (one turn of the event loop, as a database
 * answer takes), through faultline and written directly after the same lookup. A route that throws
 * at once does so in the turn that parsed the request, where Node charges a throw the most; most
 * routes that answer 404 looked something up first. On Fastify, also the error returned instead of
 * thrown (Fastify sends it to faultline's error handler all the same).
 */
function lookupGroup(framework: (typeof FRAMEWORKS)[number]): Group {
  const server = (label: string, variant: string): ServerSpec => ({ label, file: framework.file, args: [variant, ...framework.args, '--after-lookup'] });
  return {
    name: `${framework.name}-lookup`,
    title: framework.title,
    servers: [
      server('faultline', 'faultline'),
      server('direct', 'direct'),
      ...(framework.name === 'fastify' ? [server('faultline, returned', 'faultline-returned')] : []),
    ],
    request: { method: 'GET', expect: 404 },
    path: '/pins/42',
    compare: 'bytes',
  };
}

const LOOKUP_GROUPS: readonly Group[] = FRAMEWORKS.map(lookupGroup);

/**
 * The control: two processes of one server, the same code answering the same request. Whatever
 * ratio this run measures between them is the luck of a process (what the JIT compiled, where its
 * heap landed), which lasts its whole life and so is not in any interval of the other groups.
 */
const SAME_SERVER_GROUP: Group = {
  name: 'same-server',
  title: 'Fastify 5 with faultline, two processes of the same server',
  servers: [
    { label: 'first process', file: 'fastify.ts', args: ['faultline'] },
    { label: 'second process', file: 'fastify.ts', args: ['faultline'] },
  ],
  request: { method: 'GET', expect: 404 },
  path: '/pins/42',
  compare: 'bytes',
};

export const GROUPS: readonly Group[] = [...FRAMEWORKS.map(errorGroup), ...LOOKUP_GROUPS, OK_GROUP, INVALID_GROUP, REDIS_GROUP, ...UNMATCHED_GROUPS, SAME_SERVER_GROUP];

/** One measured run: what the load generator saw, and the CPU time the server spent meanwhile. */
export interface Run extends LoadResult {
  /** The server process's CPU time (every thread) per response, in µs. */
  readonly cpuPerResponse: number;
  /**
   * The server's speed: responses per second of its CPU time. Unlike rps, it measures the server
   * whether or not the load generator keeps up with it: autocannon saturates its own core at about
   * 25,000 rps here, and above that two servers' rps compare two runs of autocannon.
   */
  readonly speed: number;
}

export interface GroupResult {
  readonly group: Group;
  /** Why the group was not measured, if it was not. */
  readonly skipped?: string;
  /** Per server: every measured run. */
  readonly runs: ReadonlyMap<string, Run[]>;
  /** Per pair `a/b`: speed(a) ÷ speed(b) in each round (a and b measured within the same round). */
  readonly ratios: ReadonlyMap<string, Estimate>;
  /** Per pair `a/b`: rps(a) ÷ rps(b) in each round. */
  readonly rpsRatios: ReadonlyMap<string, Estimate>;
  /** Per pair `a/b`: p99(a) ÷ p99(b) in each round. */
  readonly p99Ratios: ReadonlyMap<string, Estimate>;
}

interface Running {
  readonly label: string;
  readonly child: ChildProcess;
  readonly url: string;
}

async function start(group: Group, bundles: ReadonlyMap<string, string>, redisUrl: string | undefined, processes: number): Promise<Running[][]> {
  const env: Record<string, string> = redisUrl === undefined ? {} : { FAULTLINE_BENCH_REDIS_URL: redisUrl };
  const children = group.servers.map((server) => {
    const bundle = bundles.get(server.file);
    if (bundle === undefined) throw new Error(`bench bug: ${server.file} is not in SERVER_FILES`);
    return Array.from({ length: processes }, () => ({ server, child: forkJs(bundle, server.args, 'startup', env) }));
  });
  try {
    // Started together on both cores (the load generator is idle meanwhile), announced in any
    // order, each moved to the server core once it listens: before its warm-up and every round.
    return await Promise.all(
      children.map((copies) =>
        Promise.all(
          copies.map(async ({ server, child }) => {
            const { port } = await nextMessage<{ port: number }>(child, 90_000);
            pin(child.pid, 'server');
            return { label: server.label, child, url: `http://127.0.0.1:${port}${group.path}` };
          }),
        ),
      ),
    );
  } catch (error) {
    for (const { child } of children.flat()) child.kill();
    throw error;
  }
}

/**
 * Which of its processes a server answers from in a round: the first server alternates every
 * round, the second every two, the third every three…, so the pairs compared with the first
 * server cross every process with every other.
 */
export function processFor(server: number, round: number, processes: number): number {
  return Math.floor(round / (server + 1)) % processes;
}

/** The CPU time (µs, every thread) a server process has used so far, as it reports it. */
async function serverCpu(server: Running): Promise<number> {
  const answer = nextMessage<CpuAnswer>(server.child, 10_000);
  server.child.send(CPU_QUERY);
  const { cpu } = await answer;
  return cpu.user + cpu.system;
}

/** One timed run against one server process, with the CPU time the server spent on it. */
async function measure(load: LoadGenerator, request: LoadRequest, server: Running): Promise<Run> {
  const before = await serverCpu(server);
  const result = await load.run(request);
  const cpuPerResponse = ((await serverCpu(server)) - before) / result.responses;
  return { ...result, cpuPerResponse, speed: 1e6 / cpuPerResponse };
}

function stop(running: readonly Running[]): void {
  for (const server of running) server.child.kill();
}

// Headers that differ between any two responses, whoever sends them.
const PER_RESPONSE = new Set(['date', 'connection', 'keep-alive']);

function describe(res: Response, body: string): string {
  const headers = [...res.headers].filter(([name]) => !PER_RESPONSE.has(name)).map(([name, value]) => `${name}: ${value}`);
  return `${res.status}\n${headers.toSorted().join('\n')}\n\n${body}`;
}

/** One request to each server before measuring: the expected status and, for `bytes`, identical answers. */
async function check(group: Group, running: readonly Running[]): Promise<void> {
  const answers = new Map<string, string>();
  for (const server of running) {
    const init = { method: group.request.method, body: group.request.body, headers: group.request.headers };
    for (let i = 0; i < (group.prime ?? 0); i++) await (await fetch(server.url, init)).arrayBuffer();
    const res = await fetch(server.url, init);
    const text = await res.text();
    if (res.status !== group.request.expect) throw new Error(`${group.name}/${server.label} answered ${res.status} ${text}`);
    answers.set(server.label, group.compare === 'bytes' ? describe(res, text) : String(res.status));
  }
  const [first, ...rest] = [...answers];
  for (const [label, answer] of rest) {
    if (answer !== first?.[1]) throw new Error(`${group.name}: ${label} answers\n${answer}\nbut ${first?.[0]} answers\n${first?.[1]}`);
  }
}

const MAX_SETTLING_RUNS = 4;
const SETTLED = 0.05;

async function measureGroup(group: Group, bundles: ReadonlyMap<string, string>, load: LoadGenerator, options: MacroOptions, log: (line: string) => void): Promise<GroupResult> {
  const runs = new Map<string, Run[]>(group.servers.map((server) => [server.label, []]));
  const empty = { group, runs, ratios: new Map(), rpsRatios: new Map(), p99Ratios: new Map() };
  if (group.needsRedis && options.redisUrl === undefined) return { ...empty, skipped: 'no redis-server on this machine' };
  let copies: Running[][] = [];
  try {
    copies = await start(group, bundles, options.redisUrl, options.processes);
    for (let p = 0; p < options.processes; p++) await check(group, copies.map((processes) => processes[p] as Running));
  } catch (error) {
    stop(copies.flat());
    return { ...empty, skipped: `could not start: ${(error as Error).message}` };
  }
  const base = { seconds: options.seconds, connections: options.connections, ...group.request };
  try {
    // Warm-up, not counted: a number of requests rather than a time, so that every server's error
    // path is compiled by the JIT however slow the machine is. Then timed runs, not counted either,
    // until two in a row agree on the speed within 5% (four at most): a fast server is still
    // compiling after thousands of requests (Fastify's reached its pace after about 60,000), and
    // without them the first two or three counted runs of a server were 30-50% slower than the rest.
    for (const server of copies.flat()) {
      await load.run({ ...base, url: server.url, amount: options.warmUp });
      if (!options.settle) continue;
      let previous = (await measure(load, { ...base, url: server.url }, server)).speed;
      for (let run = 1; run < MAX_SETTLING_RUNS; run++) {
        const { speed } = await measure(load, { ...base, url: server.url }, server);
        const settled = Math.abs(speed - previous) <= SETTLED * Math.max(speed, previous);
        previous = speed;
        if (settled) break;
      }
    }
    const perRound: Map<string, Run>[] = [];
    for (let round = 0; round < options.rounds; round++) {
      const results = new Map<string, Run>();
      for (let i = 0; i < copies.length; i++) {
        const index = (i + round) % copies.length;
        const server = copies[index]?.[processFor(index, round, options.processes)] as Running;
        const run = await measure(load, { ...base, url: server.url }, server);
        if (run.unexpected > 0 || run.errors > 0) {
          throw new Error(`${group.name}/${server.label}: ${run.unexpected} unexpected statuses, ${run.errors} errors`);
        }
        runs.get(server.label)?.push(run);
        results.set(server.label, run);
      }
      perRound.push(results);
      log(
        `  ${group.name} round ${round + 1}/${options.rounds}: ` +
          [...results].map(([label, r]) => `${label} ${r.rps.toFixed(0)} rps ${r.cpuPerResponse.toFixed(1)} µs`).join(', '),
      );
    }
    const ratios = new Map<string, Estimate>();
    const rpsRatios = new Map<string, Estimate>();
    const p99Ratios = new Map<string, Estimate>();
    const [first] = group.servers;
    for (const other of group.servers) {
      if (first === undefined || other === first) continue;
      const pair = (key: 'speed' | 'rps' | 'p99'): Estimate =>
        estimate(perRound.map((r) => (r.get(first.label)?.[key] ?? Number.NaN) / (r.get(other.label)?.[key] ?? Number.NaN)));
      ratios.set(`${first.label}/${other.label}`, pair('speed'));
      rpsRatios.set(`${first.label}/${other.label}`, pair('rps'));
      p99Ratios.set(`${first.label}/${other.label}`, pair('p99'));
    }
    return { group, runs, ratios, rpsRatios, p99Ratios };
  } catch (error) {
    return { ...empty, skipped: `failed: ${(error as Error).message}` };
  } finally {
    stop(copies.flat());
  }
}

/** Measures every group (or those of `options.only`) against the built package: run `npm run build` first. */
export async function runMacro(options: MacroOptions, log: (line: string) => void): Promise<GroupResult[]> {
  const bundles = await buildServers();
  const load = new LoadGenerator();
  const results: GroupResult[] = [];
  try {
    for (const group of GROUPS) {
      if (options.only.length > 0 && !options.only.includes(group.name)) continue;
      log(`macro: ${group.name}`);
      const result = await measureGroup(group, bundles, load, options, log);
      if (result.skipped !== undefined) log(`  skipped: ${result.skipped}`);
      results.push(result);
    }
  } finally {
    load.stop();
  }
  return results;
}

const medianOf = (runs: readonly Run[] | undefined, key: 'rps' | 'cpuPerResponse' | 'p50' | 'p99'): number => median((runs ?? []).map((run) => run[key]));
const ms = (value: number): string => (Number.isFinite(value) ? value.toFixed(value < 10 ? 2 : 1) : 'n/a');
/** The median latency of each server (or of those labelled), in the group's order. */
const latencies = (result: GroupResult, key: 'p50' | 'p99', labels = result.group.servers.map((server) => server.label)): string =>
  labels.map((label) => ms(medianOf(result.runs.get(label), key))).join(' / ');

/** A server's rps and its CPU time per response, medians of its runs: `27,512 rps, 33.1 µs`. */
const pace = (result: GroupResult, label: string): string =>
  `${medianOf(result.runs.get(label), 'rps').toFixed(0)} rps, ${medianOf(result.runs.get(label), 'cpuPerResponse').toFixed(1)} µs`;
/** The median of a pair's rps ratios alone, for comparison with its speed ratio. */
const rpsOnly = (result: GroupResult, pair: string): string => ratio(result.rpsRatios.get(pair)?.median ?? Number.NaN);

function errorTable(results: readonly GroupResult[]): string {
  return table(
    [
      'a route throwing 404, speed ratio (responses per second of server CPU): median (95% interval)',
      'faultline: rps, CPU per response',
      'faultline ÷ direct',
      'faultline ÷ stackless',
      'faultline ÷ http-errors',
      'faultline ÷ node:http',
      'stackless ÷ direct (what throwing costs the framework)',
      'rps ratios: faultline ÷ direct / ÷ stackless',
      'p50 ms: faultline / direct / stackless / http-errors / node:http',
      'p99 ms: same order',
    ],
    results.map((result) =>
      result.skipped !== undefined
        ? [result.group.title, `skipped: ${result.skipped.split('\n')[0] ?? ''}`, '', '', '', '', '', '', '', '']
        : [
            result.group.title,
            pace(result, 'faultline'),
            ...['direct', 'stackless', 'http-errors', 'node:http'].map((other) => show(result.ratios.get(`faultline/${other}`))),
            show(pairOf(result, 'stackless', 'direct')),
            `${rpsOnly(result, 'faultline/direct')} / ${rpsOnly(result, 'faultline/stackless')}`,
            latencies(result, 'p50'),
            latencies(result, 'p99'),
          ],
    ),
  );
}

/** The route that awaits a lookup first; the direct-write target (set for a route that throws at once) beside it, for reference. */
function lookupTable(results: readonly GroupResult[]): string {
  return table(
    [
      'a route that awaits a lookup, then throws 404: speed ratio, median (95% interval)',
      'faultline: rps, CPU per response',
      'faultline ÷ direct (both after the lookup)',
      'direct-write target (a route throwing at once)',
      'the error returned, not thrown ÷ direct',
      'rps ratio: faultline ÷ direct',
      'p50 ms: faultline / direct',
      'p99 ms: faultline / direct',
    ],
    results.map((result) => {
      if (result.skipped !== undefined) return [result.group.title, `skipped: ${result.skipped.split('\n')[0] ?? ''}`, '', '', '', '', '', ''];
      const framework = FRAMEWORKS.find((candidate) => `${candidate.name}-lookup` === result.group.name);
      return [
        result.group.title,
        pace(result, 'faultline'),
        show(result.ratios.get('faultline/direct')),
        framework === undefined ? '' : `≥ ${framework.directTarget}`,
        result.runs.has('faultline, returned') ? show(pairOf(result, 'faultline, returned', 'direct')) : '',
        rpsOnly(result, 'faultline/direct'),
        latencies(result, 'p50', ['faultline', 'direct']),
        latencies(result, 'p99', ['faultline', 'direct']),
      ];
    }),
  );
}

const show = (value: Estimate | undefined): string => (value === undefined ? 'n/a' : ratioWithSpread(value));

function pairTable(result: GroupResult): string {
  const [first, ...others] = result.group.servers;
  if (result.skipped !== undefined || first === undefined) return `${result.group.title}: skipped (${result.skipped ?? 'no servers'})`;
  return table(
    [result.group.title, 'rps', 'CPU µs per response', 'speed ratio (95% interval)', 'rps ratio', 'p50 ms', 'p99 ms'],
    [first, ...others].map((server) => [
      server === first ? server.label : `${first.label} ÷ ${server.label}`,
      medianOf(result.runs.get(server.label), 'rps').toFixed(0),
      medianOf(result.runs.get(server.label), 'cpuPerResponse').toFixed(1),
      server === first ? '' : show(result.ratios.get(`${first.label}/${server.label}`)),
      server === first ? '' : rpsOnly(result, `${first.label}/${server.label}`),
      ms(medianOf(result.runs.get(server.label), 'p50')),
      ms(medianOf(result.runs.get(server.label), 'p99')),
    ]),
  );
}

/** Every figure whose 95% interval is wider than 10% of its median: this run did not settle it. */
function warnings(results: readonly GroupResult[]): string[] {
  const out: string[] = [];
  for (const result of results) {
    for (const [pair, value] of result.ratios) {
      if (spread(value) > SPREAD_WARNING) out.push(`${result.group.name} ${pair}: ${ratioWithSpread(value)}`);
    }
  }
  return out;
}

export function macroTables(results: readonly GroupResult[]): string {
  const out: string[] = [];
  const errorResults = results.filter((result) => FRAMEWORKS.some((framework) => framework.name === result.group.name));
  if (errorResults.length > 0) out.push(errorTable(errorResults));
  const lookupResults = results.filter((result) => LOOKUP_GROUPS.includes(result.group));
  if (lookupResults.length > 0) out.push(lookupTable(lookupResults));
  for (const result of results) {
    if (errorResults.includes(result) || lookupResults.includes(result)) continue;
    out.push(pairTable(result));
    // Redis's own CPU time is in no server's figure: without the in-memory block every refusal asks it.
    if (result.group.needsRedis && result.skipped === undefined) out.push("Speed counts the Node process's CPU time, not Redis's: here compare the rps.");
  }
  const control = results.find((result) => result.group === SAME_SERVER_GROUP)?.ratios.get('first process/second process');
  if (control !== undefined) {
    out.push(
      `The same server in two processes measured ${ratioWithSpread(control)} of itself: a ratio that far from 1 in this run ` +
        'is the luck of a process, not a difference in code; two processes per server (--processes=2) sample it, at a cost in time.',
    );
  }
  const wide = warnings(results);
  if (wide.length > 0) {
    out.push(
      `WARNING: ${wide.length} ratio(s) spread over more than ${SPREAD_WARNING * 100}% of their median (the machine was busy or the runs too short); ` +
        `treat them as unsettled:\n${wide.map((line) => `  ${line}`).join('\n')}`,
    );
  }
  return out.join('\n\n');
}

/** The issue's HTTP targets, each with the figure this run measured. */
export function macroTargets(results: readonly GroupResult[]): Target[] {
  const targets: Target[] = [];
  const find = (name: string): GroupResult | undefined => results.find((result) => result.group.name === name);
  for (const framework of FRAMEWORKS) {
    const result = find(framework.name);
    if (result === undefined) continue;
    const skipped = result.skipped;
    const section = `HTTP ${framework.title}`;
    targets.push(
      { section, what: 'faultline ÷ stackless handler (speed)', figure: result.ratios.get('faultline/stackless'), limit: 1, direction: 'at least', skipped },
      { section, what: 'faultline ÷ direct write (speed)', figure: result.ratios.get('faultline/direct'), limit: framework.directTarget, direction: 'at least', skipped },
      { section, what: 'faultline p99 ÷ stackless p99', figure: result.p99Ratios.get('faultline/stackless'), limit: 1, direction: 'at most', skipped },
      {
        section,
        what: `faultline p99 ÷ direct p99 (within the speed allowance, 1 / ${framework.directTarget})`,
        figure: result.p99Ratios.get('faultline/direct'),
        limit: Number((1 / framework.directTarget).toFixed(3)),
        direction: 'at most',
        skipped,
      },
    );
  }
  const ok = find(OK_GROUP.name);
  if (ok !== undefined) {
    targets.push(
      { section: 'HTTP ok path', what: 'rateLimit (RateLimiterMemory) ÷ without', figure: pairOf(ok, 'rateLimit', 'without'), limit: 0.98, direction: 'at least', skipped: ok.skipped },
      // Not the issue's: what the limiter and its two fields cost by themselves, written by hand.
      { section: 'HTTP ok path', what: 'rateLimit ÷ the same limiter and fields by hand', figure: pairOf(ok, 'rateLimit', 'hand limiter'), limit: 0.98, direction: 'at least', skipped: ok.skipped },
      { section: 'HTTP ok path', what: 'validate ÷ the compiled ajv function called directly', figure: pairOf(ok, 'validate', 'ajv direct'), limit: 0.98, direction: 'at least', skipped: ok.skipped },
    );
  }
  for (const group of UNMATCHED_GROUPS) {
    const result = find(group.name);
    if (result === undefined) continue;
    targets.push({
      section: 'HTTP unmatched path (405 on by default)',
      what: `${group.title}: 405 on ÷ 405 off (speed; 1.00 ± 0.03)`,
      figure: result.ratios.get('405 on/405 off'),
      limit: 0.97,
      direction: 'at least',
      skipped: result.skipped,
    });
  }
  const invalid = find(INVALID_GROUP.name);
  if (invalid !== undefined) {
    targets.push({
      section: 'HTTP failing validation',
      what: 'validate ÷ hand-written ajv → error handler → 400',
      figure: invalid.ratios.get('validate/hand ajv → error handler → 400'),
      limit: 1,
      direction: 'at least',
      skipped: invalid.skipped,
    });
  }
  return targets;
}

// The ratios are measured against the group's first server; other pairs come from the same rounds.
function pairOf(result: GroupResult, a: string, b: string, key: 'speed' | 'rps' = 'speed'): Estimate | undefined {
  const runsA = result.runs.get(a);
  const runsB = result.runs.get(b);
  if (result.skipped !== undefined || runsA === undefined || runsB === undefined) return undefined;
  return estimate(runsA.map((run, i) => run[key] / (runsB[i]?.[key] ?? Number.NaN)));
}
