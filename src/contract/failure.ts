/**
 * A response that differs from what the contract requires. `expected` and `actual` let a test
 * runner show a diff (vitest and jest do); the message alone says what differed.
 */
export class ContractFailure extends Error {
  override readonly name = 'ContractFailure';
  readonly expected: unknown;
  readonly actual: unknown;

  constructor(message: string, expected?: unknown, actual?: unknown) {
    super(message);
    this.expected = expected;
    this.actual = actual;
  }
}
