/**
 * Calls `make` and throws what it returns from `depth` frames down. Stack capture costs in
 * proportion to the frames above the throw, so every candidate is measured from the same depth.
 * The `1 +` keeps each frame alive (no tail position to optimise away).
 */
export function throwFrom(depth: number, make: () => unknown): number {
  if (depth === 0) throw make();
  return 1 + throwFrom(depth - 1, make);
}

export const CALL_DEPTH = 50;
