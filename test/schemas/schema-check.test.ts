// checkSchema (faultline/testing's validator, no dependency) against ajv with ajv-formats (the
// reference): the same verdict on every body faultline renders, on the malformed corpus, and on
// arbitrary mutations of rendered bodies.
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFaultline, ENVELOPES, envelopeSchemas, type EnvelopeName } from '../../src/index.js';
import { checkSchema } from '../../src/schemas/check.js';
import { isUriReference } from '../../src/schemas/uri-reference.js';
import { faultArb, toHttpError } from '../client/faults.js';
import { THROW_SCENARIOS } from '../scenarios/throwables.js';
import { formatAccepts, schemaErrors } from './body-validator.js';
import { MALFORMED } from './malformed-bodies.js';

const ENVELOPE_NAMES = Object.keys(ENVELOPES) as EnvelopeName[];
const RUNS = Number(process.env.FAULTLINE_FUZZ_RUNS ?? 500);

/**
 * ajv-formats' uri-reference is looser than RFC 3986 in three ways: it accepts `"`; a first
 * relative segment holding ":" after something that is not a scheme (`1a:b`), which the RFC's
 * path-noscheme forbids; and after `//` a malformed authority, read as a path (`//::`). checkSchema
 * keeps to the RFC; comparisons skip these values (the RFC tables below cover authorities).
 */
function looserUri(value: string): boolean {
  const prefix = /^([^/?#]*?):/.exec(value)?.[1];
  return (
    value.includes('"') ||
    (prefix !== undefined && !/^[A-Za-z][A-Za-z0-9+.-]*$/.test(prefix)) ||
    /^([A-Za-z][A-Za-z0-9+.-]*:)?\/\//.test(value)
  );
}

/** True when a problem-details body's `type` or `instance` (the uri-reference members) is such a value. */
function hasLooserUri(body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return false;
  return ['type', 'instance'].some((name) => {
    const value = (body as Record<string, unknown>)[name];
    return typeof value === 'string' && looserUri(value);
  });
}

const valid = (envelope: EnvelopeName, body: unknown) => checkSchema(envelopeSchemas[envelope], body).length === 0;
const ajvValid = (envelope: EnvelopeName, body: unknown) => schemaErrors(envelope, body).length === 0;

function rendered(envelope: EnvelopeName, thrown: unknown, debug = false): unknown {
  const response = createFaultline({ envelope, debug }).handle(thrown, { method: 'GET', path: '/x' });
  return JSON.parse(response.body as string);
}

/** A JSON value with one change at a random place: replaced, removed or added. */
function mutate(value: unknown, path: readonly number[], replacement: unknown, op: number): unknown {
  if (typeof value !== 'object' || value === null) return replacement;
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  if (entries.length === 0 || path.length === 0) {
    if (Array.isArray(value)) return [...value, replacement];
    return { ...value, [`x${op}`]: replacement };
  }
  const index = (path[0] as number) % entries.length;
  const [key, child] = entries[index] as readonly [string, unknown];
  const rest = path.slice(1);
  if (rest.length === 0 && op % 3 === 0) {
    // Remove the member (or item).
    return Array.isArray(value) ? value.filter((_, i) => i !== index) : Object.fromEntries(entries.filter(([k]) => k !== key));
  }
  const changed = rest.length === 0 && op % 3 === 1 ? replacement : mutate(child, rest, replacement, op);
  if (Array.isArray(value)) return value.map((v, i) => (i === index ? changed : v));
  return { ...value, [key]: changed };
}

// Values a schema cares about: the right type with a wrong value as often as a wrong type.
const replacementArb = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(0, 399, 400, 429, 599, 600, 1.5, -1, '', 'NOT_FOUND', 'has space', 'about:blank', '#/a~2', '/a~1b', [], {}, null, true),
  fc.string(),
);

describe.each(ENVELOPE_NAMES)('%s: checkSchema agrees with ajv', (envelope) => {
  it('accepts every body the shared scenarios render, with and without debug', () => {
    for (const scenario of THROW_SCENARIOS) {
      for (const debug of [false, true]) {
        const body = rendered(envelope, scenario.thrown(), debug);
        expect(checkSchema(envelopeSchemas[envelope], body), scenario.name).toEqual([]);
        expect(ajvValid(envelope, body), scenario.name).toBe(true);
      }
    }
  });

  it('rejects every malformed body of the corpus', () => {
    const bodies = MALFORMED.filter(([name]) => name === envelope);
    expect(bodies.length).toBeGreaterThan(0);
    expect(bodies.map(([, why, body]) => [why, valid(envelope, body)])).toEqual(bodies.map(([, why]) => [why, false]));
  });

  it(`${RUNS} arbitrary faults, rendered and then mutated: the same verdict`, () => {
    fc.assert(
      fc.property(
        faultArb(),
        fc.array(fc.nat(), { maxLength: 4 }),
        replacementArb,
        fc.nat(),
        fc.boolean(),
        (fault, path, replacement, op, change) => {
          const body = rendered(envelope, toHttpError(fault));
          const candidate = change ? mutate(body, path, replacement, op) : body;
          fc.pre(!hasLooserUri(candidate));
          expect(valid(envelope, candidate)).toBe(ajvValid(envelope, candidate));
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('checkSchema reports where and why', () => {
  it('every violation, with a JSON pointer into the body', () => {
    const violations = checkSchema(envelopeSchemas['problem-details'], {
      type: 'about:blank',
      title: '',
      status: 302,
      errors: [{ detail: 'x', pointer: '/cid' }],
    });
    expect(violations).toEqual([
      { pointer: '', message: "must have required property 'detail'" },
      { pointer: '/title', message: 'must NOT have fewer than 1 characters' },
      { pointer: '/status', message: 'must be >= 400' },
      { pointer: '/errors/0', message: "must have required property 'code'" },
      { pointer: '/errors/0', message: "must have required property 'params'" },
      { pointer: '/errors/0/pointer', message: 'must match pattern "^#(/([^~/]|~[01])*)*$"' },
    ]);
  });

  it('follows $ref into numeric-code’s nested errors', () => {
    expect(checkSchema(envelopeSchemas['numeric-code'], { message: 'x', code: 50035, errors: { pins: { 0: { cid: { _errors: 'no' } } } } })).toEqual([
      { pointer: '/errors/pins/0/cid/_errors', message: 'must be array' },
    ]);
  });

  it('a keyword it does not know throws rather than passing', () => {
    expect(() => checkSchema({ type: 'object', propertyNames: { pattern: '^a' } }, {})).toThrow(/does not know the JSON Schema keyword "propertyNames"/);
    expect(() => checkSchema({ type: 'string', format: 'email' }, 'a@b')).toThrow(/does not know the format "email"/);
  });
});

describe('uri-reference is RFC 3986', () => {
  // RFC 3986 §5.4's examples (all valid references) and its §1.1.2 URIs.
  const RFC_VALID = [
    'g:h', 'g', './g', 'g/', '/g', '//g', '?y', 'g?y', '#s', 'g#s', 'g?y#s', ';x', 'g;x', 'g;x?y#s', '', '.', './', '..', '../', '../g', '../..', '../../', '../../g',
    'ftp://ftp.is.co.za/rfc/rfc1808.txt', 'http://www.ietf.org/rfc/rfc2396.txt', 'ldap://[2001:db8::7]/c=GB?objectClass?one', 'mailto:John.Doe@example.com',
    'news:comp.infosystems.www.servers.unix', 'tel:+1-816-555-1212', 'telnet://192.0.2.16:80/', 'urn:oasis:names:specification:docbook:dtd:xml:4.1.2',
    'about:blank', 'https://iana.org/assignments/http-problem-types#quota-exceeded', '/pins/bafy%20x', 'http://[v1.fe80::a+en1]/', 'http://[::ffff:192.0.2.1]/',
  ];
  const RFC_INVALID = ['has space', 'http://exa mple.com', '%zz', 'a#b#c', 'http://[::1', 'http://[1:2:3:4:5:6:7:8:9]/', '1a:b', 'é', '<x>', 'a\\b', '\n'];

  it.each(RFC_VALID)('%j is a URI-reference', (value) => {
    expect(isUriReference(value)).toBe(true);
    expect(formatAccepts('uri-reference', value)).toBe(true);
  });

  it.each(RFC_INVALID)('%j is not', (value) => {
    expect(isUriReference(value)).toBe(false);
    if (!looserUri(value)) expect(formatAccepts('uri-reference', value)).toBe(false);
  });

  it('agrees with ajv-formats except where ajv-formats is looser than the RFC', () => {
    const chars = fc.constantFrom(...'aZ09-._~!$&\'()*+,;=:@/?#%[]" <>\\^`{|}é'.split(''), 'v1.', '::', '%20', '%2', '//', '127.0.0.1');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 12 }).map((parts) => parts.join('')), (value) => {
        fc.pre(!looserUri(value));
        expect(isUriReference(value)).toBe(formatAccepts('uri-reference', value));
      }),
      { numRuns: RUNS * 4 },
    );
  });
});
