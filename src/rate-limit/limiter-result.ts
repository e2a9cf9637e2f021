import { ownKeys, read, readNumber } from '../normalize/read.js';

/** One limiter's answer, as rate-limiter-flexible's `RateLimiterRes` gives it. */
export interface LimiterAnswer {
  readonly remainingPoints: number;
  /** Milliseconds until the window resets; negative when the points never expire. */
  readonly msBeforeNext: number;
  /** A union's member that answered (its `keyPrefix`), used as the policy name. */
  readonly member?: string;
}

/**
 * Reads what `consume()` settled with: a `RateLimiterRes`, or a `RateLimiterUnion`'s
 * `{ [keyPrefix]: RateLimiterRes }`. For a union, the member that matters is the one with the fewest
 * points left when admitted (the draft: report the policy with the lowest remaining), the one with
 * the longest wait when refused. Anything else (an Error, a string) is undefined: a store failure.
 */
export function readLimiterAnswer(value: unknown, refused: boolean): LimiterAnswer | undefined {
  if (value === null || typeof value !== 'object' || value instanceof Error) return undefined;
  const single = answerOf(value);
  if (single !== undefined) return single;
  const keys = ownKeys(value);
  if (keys.length === 0 || keys.length > 32) return undefined;
  let chosen: LimiterAnswer | undefined;
  for (const key of keys) {
    const answer = answerOf(read(value, key));
    if (answer === undefined) return undefined;
    const better =
      chosen === undefined ||
      (refused ? answer.msBeforeNext > chosen.msBeforeNext : answer.remainingPoints < chosen.remainingPoints);
    if (better) chosen = { ...answer, member: key };
  }
  return chosen;
}

function answerOf(value: unknown): LimiterAnswer | undefined {
  const remainingPoints = readNumber(value, 'remainingPoints');
  const msBeforeNext = readNumber(value, 'msBeforeNext');
  if (remainingPoints === undefined || msBeforeNext === undefined || readNumber(value, 'consumedPoints') === undefined) {
    return undefined;
  }
  return { remainingPoints, msBeforeNext };
}
