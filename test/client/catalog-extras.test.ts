import { describe, expect, expectTypeOf, it } from 'vitest';
import { createFaultline, defineErrors, ENVELOPES, isClientError, type EnvelopeName } from '../../src/index.js';
import { parseErrorBody } from '../../src/client/index.js';

// A client that shares the server's catalog reads an error's extras typed as the catalog declares
// them: `isClientError(error, entry)` checks the code, the status and each declared extra's JSON
// type, and narrows. Bodies are rendered by the core in every envelope, then parsed back.

const AppErrors = defineErrors({
  MISSING_SCOPE: { status: 403, message: 'Token does not have the required scope', extras: { required: 'pins:write', scopes: ['pins:read'] } },
  QUOTA_USED: { status: 402, message: 'Quota used up', extras: { used: 100 } },
  NOT_FOUND: { status: 404, message: 'No such pin' },
});

function received(envelope: EnvelopeName, thrown: unknown) {
  const response = createFaultline({ envelope }).handle(thrown, { method: 'GET', path: '/pins' });
  return parseErrorBody({ status: response.status, headers: response.headers, body: response.body });
}

// The envelopes whose bodies carry the machine code: an entry is recognised by it.
const WITH_CODES: readonly EnvelopeName[] = ['reason-details', 'error-message-code', 'problem-details'];

describe.each(WITH_CODES)('%s', (envelope) => {
  it('a declared extra is read typed, no cast', () => {
    const error: unknown = received(envelope, AppErrors.MISSING_SCOPE(undefined, { extras: { required: 'pins:admin' } }));
    expect(isClientError(error, AppErrors.MISSING_SCOPE)).toBe(true);
    if (!isClientError(error, AppErrors.MISSING_SCOPE)) return;
    expectTypeOf(error.code).toEqualTypeOf<'MISSING_SCOPE'>();
    expectTypeOf(error.extras.required).toEqualTypeOf<string>();
    expectTypeOf(error.extras.scopes).toEqualTypeOf<string[]>();
    const required: string = error.extras.required;
    expect(required).toBe('pins:admin');
    expect(error.extras.scopes).toEqual(['pins:read']);
  });

  it('another error, or the same code with the extra missing or of another type, does not narrow', () => {
    expect(isClientError(received(envelope, AppErrors.QUOTA_USED()), AppErrors.MISSING_SCOPE)).toBe(false);
    expect(isClientError(received(envelope, AppErrors.QUOTA_USED()), AppErrors.QUOTA_USED)).toBe(true);
    expect(isClientError(received(envelope, AppErrors.QUOTA_USED(undefined, { extras: { used: 'all' } })), AppErrors.QUOTA_USED)).toBe(false);
    const stripped = defineErrors({ MISSING_SCOPE: { status: 403, message: 'x' } }).MISSING_SCOPE();
    expect(isClientError(received(envelope, stripped), AppErrors.MISSING_SCOPE)).toBe(false);
    expect(isClientError(received(envelope, AppErrors.NOT_FOUND()), AppErrors.NOT_FOUND)).toBe(true);
  });
});

it.each((Object.keys(ENVELOPES) as EnvelopeName[]).filter((e) => !WITH_CODES.includes(e)))('%s carries no machine code: no entry is claimed', (envelope) => {
  const error = received(envelope, AppErrors.MISSING_SCOPE());
  expect(isClientError(error)).toBe(true);
  expect(error.code).toBe('FORBIDDEN');
  expect(isClientError(error, AppErrors.MISSING_SCOPE)).toBe(false);
});

it('an entry without declared extras narrows the code only; anything that is not a ClientError is refused', () => {
  const error: unknown = received('problem-details', AppErrors.NOT_FOUND());
  if (!isClientError(error, AppErrors.NOT_FOUND)) throw new Error('expected the NOT_FOUND error');
  expectTypeOf(error.code).toEqualTypeOf<'NOT_FOUND'>();
  expect(error.extras).toEqual({});
  expect(isClientError(new Error('x'), AppErrors.NOT_FOUND)).toBe(false);
  expect(isClientError({ code: 'NOT_FOUND', status: 404, extras: {} }, AppErrors.NOT_FOUND)).toBe(false);
});
