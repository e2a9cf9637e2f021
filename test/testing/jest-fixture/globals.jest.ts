// With `@types/jest` (global describe/it/expect): the matchers typed through the jest namespace.
import supertest from 'supertest';
import { pinsApp } from '../pins-app.js';

describe('global expect', () => {
  it('toBeFault and toMatchEnvelope', async () => {
    const res = await supertest(pinsApp('numeric-code')).get('/pins/bafy1');
    expect(res).toBeFault({ status: 404, numericCode: 0 });
    expect(res).toMatchEnvelope('numeric-code');
  });
});

// Never called: the type checker must reject these (test/testing/jest.test.ts runs tsc).
export function misuses(res: Response): void {
  // @ts-expect-error an issue's pointer is a string
  void expect(res).toBeFault({ issues: [{ pointer: 1 }] });
}
