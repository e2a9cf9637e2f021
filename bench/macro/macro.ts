import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { median, ratio } from '../stats.js';
import { table } from '../table.js';
import { forkTs, LoadGenerator, nextMessage, type LoadRequest, type LoadResult } from './load.js';
import { PIN_BODY } from './servers/pin-schema.js';

export interface MacroOptions {
  /** Interleaved rounds: each runs every server of a group once, in a rotated order. */
  readonly rounds: number;
  /** Seconds per autocannon run. */
  readonly seconds: number;
  readonly connections: number;
  /** Only these groups (framework names, or `express-ok`); all when empty. */
  readonly only: readonly string[];
}

/** Servers measured against each other in one interleaved series. */
interface Group {
  readonly name: string;
  /** The adapter the group needs; skipped (and said so) while it does not exist. */
  readonly adapter: string;
  readonly servers: readonly { readonly label: string; readonly file: string; readonly variant?: string }[];
  readonly request: Omit<LoadRequest, 'url' | 'seconds' | 'connections'>;
  readonly path: string;
}

const ERROR_REQUEST = { method: 'GET', expect: 404 } as const;

function errorGroup(framework: string): Group {
  return {
    name: framework,
    adapter: `adapters/${framework}/index.ts`,
    servers: [
      { label: 'faultline', file: `${framework}.ts`, variant: 'faultline' },
      { label: 'http-errors', file: `${framework}.ts`, variant: 'http-errors' },
      { label: 'stackless', file: `${framework}.ts`, variant: 'stackless' },
      { label: 'node:http', file: 'bare.ts' },
    ],
    request: ERROR_REQUEST,
    path: '/pins/42',
  };
}

const OK_GROUP: Group = {
  name: 'express-ok',
  adapter: 'adapters/express/index.ts',
  servers: [
    { label: 'without', file: 'express.ts', variant: 'ok' },
    { label: 'rateLimit', file: 'express.ts', variant: 'ok-rate-limit' },
    { label: 'validate', file: 'express.ts', variant: 'ok-validate' },
    { label: 'ajv direct', file: 'express.ts', variant: 'ok-ajv' },
  ],
  request: { method: 'POST', body: PIN_BODY, headers: { 'content-type': 'application/json' }, expect: 200 },
  path: '/pins',
};

/** An unmatched path (a 404) with the automatic 405 on, its default, and off: what reading the router costs. */
function unmatchedGroup(framework: string): Group {
  return {
    name: `${framework}-unmatched`,
    adapter: `adapters/${framework}/index.ts`,
    servers: [
      { label: '405 on', file: 'unmatched.ts', variant: `${framework}-on` },
      { label: '405 off', file: 'unmatched.ts', variant: `${framework}-off` },
    ],
    request: ERROR_REQUEST,
    path: '/nowhere/42',
  };
}

const UNMATCHED_GROUPS: readonly Group[] = ['express', 'fastify', 'koa', 'hono', 'nest'].map(unmatchedGroup);

export const GROUPS: readonly Group[] = ['express', 'fastify', 'koa', 'hono', 'nest'].map(errorGroup).concat(OK_GROUP, UNMATCHED_GROUPS);

export interface GroupResult {
  readonly group: string;
  /** Why the group was not measured, if it was not. */
  readonly skipped?: string;
  /** Per server: every run. */
  readonly runs: ReadonlyMap<string, LoadResult[]>;
  /** Per pair `a/b`: median over rounds of rps(a) ÷ rps(b) measured in the same round. */
  readonly ratios: ReadonlyMap<string, number>;
}

interface Running {
  readonly label: string;
  readonly child: ChildProcess;
  readonly url: string;
}

const ROOT = new URL('../../', import.meta.url);

async function start(group: Group): Promise<Running[]> {
  const running: Running[] = [];
  try {
    for (const server of group.servers) {
      const child = forkTs(new URL(`./servers/${server.file}`, import.meta.url), server.variant === undefined ? [] : [server.variant]);
      running.push({ label: server.label, child, url: '' });
      const { port } = await nextMessage<{ port: number }>(child, 60_000);
      running[running.length - 1] = { label: server.label, child, url: `http://127.0.0.1:${port}${group.path}` };
    }
  } catch (error) {
    stop(running);
    throw error;
  }
  return running;
}

function stop(running: readonly Running[]): void {
  for (const server of running) server.child.kill();
}

/** One request to each server before measuring: right status, and faultline's bytes are the bare server's. */
async function check(group: Group, running: readonly Running[]): Promise<void> {
  const bodies = new Map<string, string>();
  for (const server of running) {
    const res = await fetch(server.url, { method: group.request.method, body: group.request.body, headers: group.request.headers });
    const text = await res.text();
    const ok = group.request.expect === 404 ? res.status === 404 : res.status >= 200 && res.status < 300;
    if (!ok) throw new Error(`${group.name}/${server.label} answered ${res.status} ${text}`);
    bodies.set(server.label, text);
  }
  if (bodies.has('node:http') && bodies.get('faultline') !== bodies.get('node:http')) {
    throw new Error(`${group.name}: faultline's body ${bodies.get('faultline')} is not the bare server's ${bodies.get('node:http')}`);
  }
}

async function measureGroup(group: Group, load: LoadGenerator, options: MacroOptions, log: (line: string) => void): Promise<GroupResult> {
  const runs = new Map<string, LoadResult[]>(group.servers.map((server) => [server.label, []]));
  if (!existsSync(fileURLToPath(new URL(group.adapter, ROOT)))) {
    return { group: group.name, skipped: `${group.adapter} does not exist yet`, runs, ratios: new Map() };
  }
  let running: Running[];
  try {
    running = await start(group);
    await check(group, running);
  } catch (error) {
    return { group: group.name, skipped: `could not start: ${(error as Error).message.split('\n')[0]}`, runs, ratios: new Map() };
  }
  const base = { seconds: options.seconds, connections: options.connections, ...group.request };
  try {
    // Warm-up: JIT and connection setup, not counted.
    for (const server of running) await load.run({ ...base, url: server.url, seconds: 1 });
    const perRound: Map<string, number>[] = [];
    for (let round = 0; round < options.rounds; round++) {
      const rps = new Map<string, number>();
      for (let i = 0; i < running.length; i++) {
        const server = running[(i + round) % running.length] as Running;
        const result = await load.run({ ...base, url: server.url });
        if (result.unexpected > 0 || result.errors > 0) {
          throw new Error(`${group.name}/${server.label}: ${result.unexpected} unexpected statuses, ${result.errors} errors`);
        }
        runs.get(server.label)?.push(result);
        rps.set(server.label, result.rps);
      }
      perRound.push(rps);
      log(`  ${group.name} round ${round + 1}/${options.rounds}: ${[...rps].map(([label, value]) => `${label} ${value.toFixed(0)}`).join(', ')}`);
    }
    const ratios = new Map<string, number>();
    const [first] = group.servers;
    for (const a of group.servers) {
      for (const b of group.servers) {
        if (a === b || (a !== first && b !== first)) continue;
        ratios.set(`${a.label}/${b.label}`, median(perRound.map((rps) => (rps.get(a.label) as number) / (rps.get(b.label) as number))));
      }
    }
    return { group: group.name, runs, ratios };
  } finally {
    stop(running);
  }
}

export async function runMacro(options: MacroOptions, log: (line: string) => void): Promise<GroupResult[]> {
  const load = new LoadGenerator();
  const results: GroupResult[] = [];
  try {
    for (const group of GROUPS) {
      if (options.only.length > 0 && !options.only.includes(group.name)) continue;
      log(`macro: ${group.name}`);
      const result = await measureGroup(group, load, options, log);
      if (result.skipped !== undefined) log(`  skipped: ${result.skipped}`);
      results.push(result);
    }
  } finally {
    load.stop();
  }
  return results;
}

const medianOf = (runs: readonly LoadResult[] | undefined, key: 'rps' | 'p99'): number => median((runs ?? []).map((run) => run[key]));
const ms = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(value < 10 ? 1 : 0)}` : 'n/a');

export function macroTables(results: readonly GroupResult[]): string {
  const unmatched = new Set(UNMATCHED_GROUPS.map((group) => group.name));
  const errorResults = results.filter((result) => result.group !== OK_GROUP.name && !unmatched.has(result.group));
  const out: string[] = [];
  if (errorResults.length > 0) {
    out.push(
      table(
        [
          'a route throwing 404 (rps ratio)',
          'faultline ÷ http-errors (≥ 1.2)',
          'faultline ÷ stackless (≥ 0.97)',
          'faultline ÷ node:http',
          'p99 ms faultline / http-errors / stackless',
          'faultline rps',
        ],
        errorResults.map((result) =>
          result.skipped !== undefined
            ? [result.group, `skipped: ${result.skipped}`, '', '', '', '']
            : [
                result.group,
                ratio(result.ratios.get('faultline/http-errors') ?? Number.NaN),
                ratio(result.ratios.get('faultline/stackless') ?? Number.NaN),
                ratio(result.ratios.get('faultline/node:http') ?? Number.NaN),
                ['faultline', 'http-errors', 'stackless'].map((label) => ms(medianOf(result.runs.get(label), 'p99'))).join(' / '),
                medianOf(result.runs.get('faultline'), 'rps').toFixed(0),
              ],
        ),
      ),
    );
  }
  const ok = results.find((result) => result.group === OK_GROUP.name);
  if (ok !== undefined) {
    if (ok.skipped !== undefined) {
      out.push(`Express ok path: skipped (${ok.skipped})`);
    } else {
      const validateVsAjv = median(
        (ok.runs.get('validate') ?? []).map((run, i) => run.rps / ((ok.runs.get('ajv direct') ?? [])[i]?.rps ?? Number.NaN)),
      );
      out.push(
        table(
          ['Express, POST /pins ok path (rps ratio)', 'ratio (target ≥ 0.90)', 'p99 ms', 'rps'],
          [
            ['without middleware', '1.00x', ms(medianOf(ok.runs.get('without'), 'p99')), medianOf(ok.runs.get('without'), 'rps').toFixed(0)],
            ['rateLimit (memory) ÷ without', ratio(ok.ratios.get('rateLimit/without') ?? Number.NaN), ms(medianOf(ok.runs.get('rateLimit'), 'p99')), medianOf(ok.runs.get('rateLimit'), 'rps').toFixed(0)],
            ['validate ÷ without', ratio(ok.ratios.get('validate/without') ?? Number.NaN), ms(medianOf(ok.runs.get('validate'), 'p99')), medianOf(ok.runs.get('validate'), 'rps').toFixed(0)],
            ['validate ÷ compiled ajv called directly', ratio(validateVsAjv), '', ''],
            ['ajv direct ÷ without', ratio(ok.ratios.get('ajv direct/without') ?? Number.NaN), ms(medianOf(ok.runs.get('ajv direct'), 'p99')), medianOf(ok.runs.get('ajv direct'), 'rps').toFixed(0)],
          ],
        ),
      );
    }
  }
  const unmatchedResults = results.filter((result) => unmatched.has(result.group));
  if (unmatchedResults.length > 0) {
    out.push(
      table(
        ['an unmatched path, 16 routes (rps ratio)', '405 on ÷ 405 off (target 1.00 ± 0.03)', 'p99 ms on / off', 'rps on'],
        unmatchedResults.map((result) =>
          result.skipped !== undefined
            ? [result.group, `skipped: ${result.skipped}`, '', '']
            : [
                result.group,
                ratio(result.ratios.get('405 on/405 off') ?? Number.NaN),
                ['405 on', '405 off'].map((label) => ms(medianOf(result.runs.get(label), 'p99'))).join(' / '),
                medianOf(result.runs.get('405 on'), 'rps').toFixed(0),
              ],
        ),
      ),
    );
  }
  return out.join('\n\n');
}
