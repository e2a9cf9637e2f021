import { ratioWithSpread, type Estimate } from './stats.js';
import { table } from './table.js';

/**
 * One target of issue #17, with the figure this run measured. `at least` targets pass when the
 * median is at or above the limit, `at most` ones at or below it; when the median's interval
 * straddles the limit the verdict stands but is marked as not settled by this run.
 */
export interface Target {
  readonly section: string;
  readonly what: string;
  readonly figure: Estimate | undefined;
  readonly limit: number;
  readonly direction: 'at least' | 'at most';
  /** How the figure reads when it is not a plain ratio (`18.4x faster`). */
  readonly unit?: string;
  /** Why it was not measured (a group skipped, Redis missing). */
  readonly skipped?: string;
}

export type Verdict = 'PASS' | 'MISS' | 'SKIP';

export function verdict(target: Target): Verdict {
  if (target.figure === undefined || !Number.isFinite(target.figure.median)) return 'SKIP';
  const { median } = target.figure;
  return (target.direction === 'at least' ? median >= target.limit : median <= target.limit) ? 'PASS' : 'MISS';
}

function settled(target: Target): boolean {
  const { figure, limit } = target;
  if (figure === undefined) return true;
  return figure.low > limit || figure.high < limit || figure.low === figure.high;
}

const symbol = (target: Target): string => (target.direction === 'at least' ? '≥' : '≤');

/** The targets with their figures, PASS/MISS beside each, as one Markdown table. */
export function targetTable(targets: readonly Target[]): string {
  return table(
    ['target', 'limit', 'this run: median (95% interval)', 'result'],
    targets.map((target) => {
      const result = verdict(target);
      const reason = (target.skipped ?? 'not measured').split('\n')[0] ?? '';
      const figure = target.figure === undefined ? 'n/a' : `${ratioWithSpread(target.figure)}${target.unit ?? ''}`;
      const note = result === 'SKIP' ? `: ${reason}` : settled(target) ? '' : ' (interval straddles the limit)';
      return [`${target.section}: ${target.what}`, `${symbol(target)} ${target.limit}`, figure, `${result}${note}`];
    }),
  );
}

/** Every target a section reports, in the order they were measured. */
export class TargetLog {
  private readonly list: Target[] = [];

  add(target: Target): void {
    this.list.push(target);
  }

  get all(): readonly Target[] {
    return this.list;
  }
}
