// A built-in envelope's direct serialiser is a fast path, never a second definition of the body:
// on any fault it must write exactly `JSON.stringify(envelope.body(fault))`, or decline.
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENVELOPES, type PublicFault } from '../../src/index.js';
import { problemDetailsJson } from '../../src/envelopes/problem-details.js';
import { serializeBody } from '../../src/render/serializers.js';

// Strings JSON must escape: quotes, backslashes, control characters, lone surrogates, non-ASCII.
const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('', '"', '\\', '\u2028', '\ud800', 'é', '</script>'));
const pointer = fc.oneof(
  fc.constant(''),
  fc.array(fc.oneof(fc.string(), fc.constantFrom('0', 'cid', 'a b', '%', '#', '~0', 'ü')), { minLength: 1, maxLength: 4 }).map((tokens) => `/${tokens.join('/')}`),
);
const param = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.array(fc.oneof(text, fc.integer(), fc.boolean()), { maxLength: 3 }));
const issue = fc.record(
  {
    location: fc.constantFrom('body', 'query', 'params', 'headers' as const),
    pointer,
    keyword: text,
    message: text,
    params: fc.dictionary(fc.string(), param, { maxKeys: 3 }),
  },
  { requiredKeys: ['location', 'pointer', 'keyword', 'message'] },
);
const fault: fc.Arbitrary<PublicFault> = fc
  .record(
    {
      status: fc.integer({ min: 400, max: 599 }),
      title: text,
      code: text,
      defaultCode: fc.boolean(),
      message: text,
      numericCode: fc.integer(),
      issues: fc.array(issue, { maxLength: 5 }),
      retryAfter: fc.nat(),
      rateLimit: fc.record({ remaining: fc.nat(), resetSeconds: fc.nat(), policy: text }, { requiredKeys: ['remaining', 'resetSeconds'] }),
      extras: fc.dictionary(fc.string(), fc.jsonValue() as fc.Arbitrary<never>, { maxKeys: 3 }),
      stack: text,
      cause: fc.jsonValue() as fc.Arbitrary<never>,
      traceId: fc.stringMatching(/^[\w.:+/=-]{1,64}$/),
      type: fc.oneof(text, fc.constant('https://errors.example.com/insufficient-funds')),
      instance: text,
    },
    { requiredKeys: ['status', 'title', 'code', 'defaultCode', 'message'] },
  )
  .chain((base) => fc.constantFrom(base, { ...base, status: 429 }));

describe('the problem-details serialiser', () => {
  it('writes exactly the JSON of the envelope body, or declines (random faults)', () => {
    fc.assert(
      fc.property(fault, (shown) => {
        const direct = problemDetailsJson(shown);
        const general = JSON.stringify(ENVELOPES['problem-details'].body(shown));
        if (shown.extras !== undefined || shown.stack !== undefined || shown.cause !== undefined) expect(direct).toBeUndefined();
        else expect(direct).toBe(general);
        expect(serializeBody(ENVELOPES['problem-details'], shown)).toBe(general);
      }),
      { numRuns: 2000 },
    );
  });

  it('a validation failure and a 429, as the benchmark renders them', () => {
    const invalid: PublicFault = {
      status: 400,
      title: 'Bad Request',
      code: 'BAD_REQUEST',
      defaultCode: true,
      message: 'Invalid request',
      issues: [
        { location: 'body', pointer: '/name', keyword: 'required', message: 'is required' },
        { location: 'query', pointer: '/a b', keyword: 'type', message: 'must be "string"', params: { type: 'string' } },
      ],
    };
    expect(problemDetailsJson(invalid)).toBe(
      '{"type":"about:blank","title":"Bad Request","status":400,"detail":"Invalid request","errors":[{"detail":"is required","pointer":"#/name","code":"required","params":{}},{"detail":"must be \\"string\\"","pointer":"#/a%20b","in":"query","code":"type","params":{"type":"string"}}]}',
    );
    const limited: PublicFault = { status: 429, title: 'Too Many Requests', code: 'RATE_LIMITED', defaultCode: false, message: 'Slow down', retryAfter: 30 };
    expect(JSON.parse(problemDetailsJson(limited) as string)).toEqual({
      type: 'https://iana.org/assignments/http-problem-types#quota-exceeded',
      title: 'Request cannot be satisfied as assigned quota has been exceeded',
      status: 429,
      detail: 'Slow down',
      code: 'RATE_LIMITED',
      'violated-policies': ['default'],
    });
  });

  it('is used only for the built-in problem-details envelope itself', () => {
    const shown: PublicFault = { status: 404, title: 'Not Found', code: 'NOT_FOUND', defaultCode: true, message: 'Not Found' };
    const lookalike = { ...ENVELOPES['problem-details'], body: () => ({ mine: true }) };
    expect(serializeBody(lookalike, shown)).toBe('{"mine":true}');
  });
});
