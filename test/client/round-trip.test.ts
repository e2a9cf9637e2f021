import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFaultline, ENVELOPES, presets, type EnvelopeName } from '../../src/index.js';
import { defaultCode, statusPhrase } from '../../src/kit.js';
import { parseErrorBody } from '../../src/client/index.js';
import { faultArb, tokenArb, toHttpError } from './faults.js';
import { expectRoundTrip } from './round-trip.js';

const RUNS = Number(process.env.FAULTLINE_FUZZ_RUNS ?? 300);
const ENVELOPE_NAMES = Object.keys(ENVELOPES) as EnvelopeName[];

// numeric-code writes a field's issues under `_errors` next to its children: a field itself named
// `_errors` that also has issues of its parent collides on the server. Left out of its run and
// pinned below on its own.
const tokenFor = (envelope: EnvelopeName) => (envelope === 'numeric-code' ? tokenArb.filter((t) => t !== '_errors') : tokenArb);

describe.each(ENVELOPE_NAMES)('%s: what the server renders, the client reads back', (envelope) => {
  const faultline = createFaultline({ envelope });

  it(`${RUNS} arbitrary faults: status, code, message, issues, retry-after and extras`, () => {
    expect.hasAssertions();
    fc.assert(
      fc.property(faultArb({ token: tokenFor(envelope) }), (fault) => {
        const response = faultline.handle(toHttpError(fault), { method: 'GET', path: '/r' });
        expectRoundTrip(envelope, fault, parseErrorBody(response), true);
      }),
      { numRuns: RUNS },
    );
  });

  it('without the headers: what the body alone carries (a 429 wait in three envelopes)', () => {
    expect.hasAssertions();
    fc.assert(
      fc.property(faultArb({ token: tokenFor(envelope), status: fc.constantFrom(400, 422, 429, 503) }), (fault) => {
        const response = faultline.handle(toHttpError(fault), { method: 'GET', path: '/r' });
        const parsed = parseErrorBody({ status: response.status, body: response.body });
        expectRoundTrip(envelope, fault, parsed, false);
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });

  it('the body already parsed (axios data) reads the same as its text', () => {
    fc.assert(
      fc.property(faultArb({ token: tokenFor(envelope) }), (fault) => {
        const response = faultline.handle(toHttpError(fault), { method: 'GET', path: '/r' });
        const fromText = parseErrorBody(response);
        const fromJson = parseErrorBody({ ...response, body: JSON.parse(response.body as string) as object });
        expect({ ...fromJson, message: fromJson.message }).toEqual({ ...fromText, message: fromText.message });
      }),
      { numRuns: Math.ceil(RUNS / 5) },
    );
  });

  it('a hidden 5xx reads as what the client was shown: the status code and generic message', () => {
    const response = faultline.handle(new Error('connect ECONNREFUSED 10.0.0.5:5432'), { method: 'GET', path: '/r' });
    const parsed = parseErrorBody(response);
    expect(parsed.status).toBe(500);
    expect(parsed.code).toBe('INTERNAL_SERVER_ERROR');
    expect(parsed.message).toBe('Internal Server Error');
    expect(parsed.issues).toEqual([]);
  });

  it('HEAD: no body, the status and headers still say what they say', () => {
    const response = faultline.handle(toHttpError({ status: 429, code: 'SLOW_DOWN', message: 'x', retryAfter: 7 }), { method: 'HEAD', path: '/r' });
    expect(response.body).toBeNull();
    const parsed = parseErrorBody(response);
    expect(parsed).toMatchObject({ status: 429, code: 'TOO_MANY_REQUESTS', message: 'Too Many Requests', retryAfter: 7, envelope: 'none', body: null });
  });
});

describe('numeric-code: a field named _errors', () => {
  it('is a field when nothing is reported at its parent', () => {
    const response = createFaultline({ envelope: 'numeric-code' }).handle(
      toHttpError({ status: 400, code: 'BAD_REQUEST', message: 'm', issues: [{ location: 'body', pointer: '/a/_errors', keyword: 'type', message: 'bad' }] }),
      { method: 'GET', path: '/r' },
    );
    expect(JSON.parse(response.body as string)).toEqual({ message: 'm', code: 50035, errors: { a: { _errors: { _errors: [{ code: 'TYPE', message: 'bad' }] } } } });
    expect(parseErrorBody(response).issues).toEqual([{ pointer: '/a/_errors', message: 'bad', keyword: 'TYPE' }]);
  });
});

// seed 000 through its preset: the reason-details body, and the flat 413/429 and x402 402 variants.
describe('reason-details preset (seed 000): the flat and x402 variants read back', () => {
  const faultline = createFaultline({ preset: presets.reasonDetails });

  it(`${RUNS} arbitrary faults`, () => {
    fc.assert(
      fc.property(
        faultArb({ status: fc.oneof(fc.constantFrom(402, 413, 429), fc.integer({ min: 400, max: 599 })) }).filter(
          // Preset default messages replace a message equal to the reason phrase; not what this tests.
          (fault) => fault.message !== statusPhrase(fault.status),
        ),
        (fault) => {
          const response = faultline.handle(toHttpError(fault), { method: 'GET', path: '/r' });
          const parsed = parseErrorBody(response);
          expect(parsed.status).toBe(fault.status);
          expect(parsed.retryAfter).toBe(fault.retryAfter);
          const code = fault.status === 429 && fault.code === 'TOO_MANY_REQUESTS' ? 'RATE_LIMITED' : fault.code;
          if (fault.status === 402) {
            expect(parsed.envelope).toBe('reason-details/x402');
            expect(parsed.message).toBe(fault.message);
            expect(parsed.code).toBe(defaultCode(402));
            // The envelope writes the protocol's members whether or not the error brought them.
            expect(parsed.extras).toMatchObject({ x402Version: expect.any(Number), accepts: expect.any(Array) });
          } else if (fault.status === 413 || fault.status === 429) {
            // The flat bodies carry the code alone; a 429 its wait too (without one, it is the flat code body).
            const flatRateLimit = fault.status === 429 && fault.retryAfter !== undefined;
            expect(parsed.envelope).toBe(flatRateLimit ? 'reason-details/flat-rate-limit' : 'reason-details/flat-code');
            expect(parsed.code).toBe(code);
            expect(parsed.message).toBe(statusPhrase(fault.status));
            if (fault.status === 429) {
              expect(parseErrorBody({ status: 429, body: response.body }).retryAfter).toBe(fault.retryAfter);
            }
          } else {
            expect(parsed.envelope).toBe('reason-details');
            expect(parsed.code).toBe(fault.code);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});
