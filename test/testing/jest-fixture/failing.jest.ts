// Fails on purpose: test/testing/jest.test.ts reads jest's report of these failures.
import { expect, it } from '@jest/globals';
import supertest from 'supertest';
import { pinsApp } from '../pins-app.js';

it('toBeFault: a 500 where a 404 was expected', async () => {
  expect(await supertest(pinsApp('reason-details')).get('/crash')).toBeFault({ status: 404, code: 'NOT_FOUND' });
});

it('toMatchEnvelope: a reason-details body is not problem details', async () => {
  expect(await supertest(pinsApp('reason-details')).get('/pins/1')).toMatchEnvelope('problem-details');
});
