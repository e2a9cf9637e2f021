/**
 * Calls `make` and throws what it returns from `depth` frames down. Stack capture costs in
 * proportion to the frames above the throw, so every candidate is measured from the same depth.
 * The `1 +` keeps each frame alive (no tail position to optimise away).
 */
export function throwFrom(depth: number, make: () => unknown): number {
  if (depth <= 1) throw make();
  return 1 + throwFrom(depth - 1, make);
}

/**
 * The two depths measured: a route that throws right away (the common case: a lookup that found
 * nothing, a check that failed), and one 50 calls deep (an ORM, a service layer, middleware).
 */
export const CALL_DEPTHS = [1, 50] as const;
export type CallDepth = (typeof CALL_DEPTHS)[number];
