// What Node itself charges a route for the way it raises an error: no framework, no faultline, the
// same error object every time. Each request is one turn of the event loop (a setImmediate, as a
// parsed request is), in which the handler is called 20 frames deep and its promise is handled at
// once, as a framework does. Explains the "stackless ÷ direct" column of the HTTP tables.
import { errors } from '../../src/index.js';
import { estimate, type Estimate } from '../stats.js';
import { table } from '../table.js';

type Handler = () => Promise<unknown>;

const ERROR = errors.notFound();

/** The shapes, the cheapest first: the one every other is compared with. */
export const RAISE_SHAPES: readonly { readonly name: string; readonly handler: Handler }[] = [
  { name: 'returned (not thrown)', handler: async () => ERROR },
  {
    name: 'thrown after an await',
    handler: async () => {
      await undefined;
      throw ERROR;
    },
  },
  { name: 'Promise.reject(error)', handler: () => Promise.reject(ERROR) },
  {
    name: 'thrown before the first await',
    handler: async () => {
      throw ERROR;
    },
  },
];

const ignore = (): void => undefined;

function deep(frames: number, handler: Handler): Promise<unknown> {
  return frames === 0 ? handler() : deep(frames - 1, handler);
}

/** Mean wall ns per turn over `turns` turns, each calling the handler once. */
function nsPerTurn(handler: Handler, turns: number): Promise<number> {
  return new Promise((resolve) => {
    let left = turns;
    const started = process.hrtime.bigint();
    const turn = (): void => {
      deep(20, handler).then(ignore, ignore);
      if (--left > 0) setImmediate(turn);
      else resolve(Number(process.hrtime.bigint() - started) / turns);
    };
    setImmediate(turn);
  });
}

export interface RaiseShapeResult {
  readonly name: string;
  readonly ns: Estimate;
  /** Per round, this shape's ns minus the returned error's: what the shape adds to a request. */
  readonly extra: Estimate;
}

/** Interleaved rounds, each measuring every shape once in a rotated order. */
export async function runRaiseShapes(rounds: number, turns: number): Promise<RaiseShapeResult[]> {
  for (const shape of RAISE_SHAPES) await nsPerTurn(shape.handler, turns / 4);
  const perRound: Map<string, number>[] = [];
  for (let round = 0; round < rounds; round++) {
    const results = new Map<string, number>();
    for (let i = 0; i < RAISE_SHAPES.length; i++) {
      const shape = RAISE_SHAPES[(i + round) % RAISE_SHAPES.length] as (typeof RAISE_SHAPES)[number];
      results.set(shape.name, await nsPerTurn(shape.handler, turns));
    }
    perRound.push(results);
  }
  const base = RAISE_SHAPES[0]?.name ?? '';
  return RAISE_SHAPES.map((shape) => ({
    name: shape.name,
    ns: estimate(perRound.map((round) => round.get(shape.name) ?? Number.NaN)),
    extra: estimate(perRound.map((round) => (round.get(shape.name) ?? Number.NaN) - (round.get(base) ?? Number.NaN))),
  }));
}

const nsText = (value: Estimate): string => `${value.median.toFixed(0)} (${value.low.toFixed(0)}–${value.high.toFixed(0)})`;

export function raiseShapesTable(results: readonly RaiseShapeResult[]): string {
  return table(
    ['how the handler raises the error (Node alone, one event-loop turn per request)', 'ns per turn: median (95% interval)', 'added to a request, ns'],
    results.map((result, index) => [result.name, nsText(result.ns), index === 0 ? '' : nsText(result.extra)]),
  );
}
