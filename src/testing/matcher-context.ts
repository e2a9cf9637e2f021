// What a matcher uses of the `this` vitest and jest give it (both follow jest's MatcherContext).
// Typed here, structurally, so faultline/testing depends on neither at run time; the printing
// helpers fall back to plain JSON where a runner (Bun's expect) lacks one.

export interface MatcherUtils {
  matcherHint?(name: string, received?: string, expected?: string, options?: { isNot?: boolean; promise?: string }): string;
  printExpected?(value: unknown): string;
  printReceived?(value: unknown): string;
  diff?(expected: unknown, received: unknown, options?: { aAnnotation?: string; bAnnotation?: string; expand?: boolean }): string | null | undefined;
}

export interface MatcherContext {
  readonly isNot: boolean;
  readonly promise?: string;
  equals(received: unknown, expected: unknown): boolean;
  readonly utils?: MatcherUtils;
}

/** What a matcher returns; `actual` and `expected` let a runner or editor show its own diff. */
export interface MatcherResult {
  readonly pass: boolean;
  message(): string;
  readonly actual?: unknown;
  readonly expected?: unknown;
}

export function hint(context: MatcherContext, name: string, expected: string): string {
  const options = { isNot: context.isNot, promise: context.promise ?? '' };
  return context.utils?.matcherHint?.(name, 'response', expected, options) ?? `expect(response)${context.isNot ? '.not' : ''}.${name}(${expected})`;
}

export function printExpected(context: MatcherContext, value: unknown): string {
  return context.utils?.printExpected?.(value) ?? show(value);
}

export function printReceived(context: MatcherContext, value: unknown): string {
  return context.utils?.printReceived?.(value) ?? show(value);
}

/** A labelled diff of two values, or the received value alone when the runner has no diff. */
export function diff(context: MatcherContext, expected: unknown, received: unknown, what: string): string {
  const text = context.utils?.diff?.(expected, received, { aAnnotation: `Expected ${what}`, bAnnotation: `Received ${what}`, expand: true });
  return text ?? `Expected ${what}: ${show(expected)}\nReceived ${what}: ${show(received)}`;
}

/** A value as JSON over several lines (RegExps as their source); for bodies and plain values. */
export function show(value: unknown): string {
  if (value instanceof RegExp) return String(value);
  if (value === undefined) return 'undefined';
  try {
    return JSON.stringify(value, (_key, v: unknown) => (v instanceof RegExp ? String(v) : v), 2);
  } catch {
    return String(value);
  }
}
