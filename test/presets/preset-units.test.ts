import { describe, expect, it } from 'vitest';
import { createFaultline, defineEnvelope, errors, HttpError, notReady, presets, STATUS_CATALOG, x402PaymentRequired, type EnvelopeName } from '../../src/index.js';
import { STATUS_GUIDE_DESCRIPTIONS } from '../../src/presets/index.js';
import { seed002 } from './examples-002.js';
import { exampleMessages, seed003 } from './examples-003.js';
import { ENVELOPE_NAMES, expectedBody, guideEntries, reasonPhrase } from './examples-004.js';
import { ACCEPTS } from './examples-000.js';
import { SEED } from './seed-page.js';

const handle = (thrown: unknown, options: Parameters<typeof createFaultline>[0], method = 'GET') =>
  createFaultline(options).handle(thrown, { method, path: '/x' });

describe('the seed pages are read as written', () => {
  it(`${SEED.numericCode}: the 16 error statuses of its table`, () => {
    const statuses = seed002.examples.filter((e) => e.name.includes("with the page's message")).map((e) => e.status);
    expect(statuses).toEqual([400, 401, 403, 404, 405, 409, 410, 413, 415, 422, 423, 429, 501, 502, 503, 504]);
  });

  it(`${SEED.statusObject}: the 11 error statuses of its tables and 403's four example messages`, () => {
    const statuses = seed003.examples.filter((e) => e.name.includes("page's text")).map((e) => e.status);
    expect(statuses).toEqual([400, 401, 403, 404, 405, 410, 429, 500, 502, 503, 504]);
    expect(exampleMessages(403)).toEqual(['Account is disabled', 'Insufficient balance', 'Token is disabled', 'Insufficient permissions']);
  });

  it(`${SEED.statusGuide}: every status of the guide is in the catalog with the guide's phrase and description`, () => {
    const entries = guideEntries();
    expect(entries.map((e) => e.status)).toEqual(Object.keys(STATUS_CATALOG).map(Number));
    const errorStatuses = entries.filter((e) => e.status >= 400).map((e) => e.status);
    expect(errorStatuses).toHaveLength(41);
    expect(errorStatuses).toEqual(expect.arrayContaining([499, 599]));
    for (const { status, phrase, description } of entries) {
      const known = status as keyof typeof STATUS_CATALOG;
      expect(STATUS_CATALOG[known].phrase, String(status)).toBe(reasonPhrase(status, phrase));
      expect(STATUS_GUIDE_DESCRIPTIONS[known], String(status)).toBe(description);
    }
  });
});

describe(`${SEED.statusGuide}: every 4xx/5xx in every style without a preset carries its reason phrase`, () => {
  const errorsOfGuide = guideEntries().filter((e) => e.status >= 400);
  it.each(ENVELOPE_NAMES.map((envelope) => [envelope] as [EnvelopeName]))('%s', (envelope) => {
    for (const { status, phrase } of errorsOfGuide) {
      const title = reasonPhrase(status, phrase);
      const response = handle(new HttpError(status), { envelope });
      expect(response.status).toBe(status);
      // A hidden 5xx and a 4xx without a message both leave with the phrase as their message.
      expect(response.body, `${status}`).toBe(expectedBody(envelope, status, title, title));
    }
  });
  it('499 and 599 keep their non-standard statuses', () => {
    expect(handle(errors.clientClosedRequest(), { preset: presets.statusGuide }).status).toBe(499);
    expect(handle(errors.networkConnectTimeoutError(), { preset: presets.statusGuide }).status).toBe(599);
  });
});

describe(`${SEED.reasonDetails}: x402PaymentRequired`, () => {
  const fl = createFaultline({ preset: presets.reasonDetails });
  it('the X-PAYMENT header decides the machine code (seen by onError and .is checks), not the body', () => {
    expect(fl.normalize(x402PaymentRequired(ACCEPTS, {})).code).toBe('PAYMENT_REQUIRED');
    expect(fl.normalize(x402PaymentRequired(ACCEPTS, { payment: '' })).code).toBe('PAYMENT_REQUIRED');
    expect(fl.normalize(x402PaymentRequired(ACCEPTS, { payment: null })).code).toBe('PAYMENT_REQUIRED');
    expect(fl.normalize(x402PaymentRequired(ACCEPTS, { payment: 'eyJ9' })).code).toBe('PAYMENT_REJECTED');
    expect(fl.normalize(x402PaymentRequired(ACCEPTS, { payment: ['eyJ9'] })).code).toBe('PAYMENT_REJECTED');
    // A reason without a payment is not a rejection: the client still has to be told the requirements.
    expect(fl.render(fl.normalize(x402PaymentRequired(ACCEPTS, { reason: 'invalid_signature' }))).body).toContain('"error":"Payment Required"');
  });
  it('any other 402 under the preset is still an x402 body, with empty accepts', () => {
    expect(handle(errors.paymentRequired(), { preset: presets.reasonDetails }).body).toBe('{"x402Version":1,"accepts":[],"error":"Payment Required"}');
  });
  it('a user envelope for 402 wins over the preset', () => {
    const flat = defineEnvelope({ name: 'mine', body: (f) => ({ error: f.code }) });
    expect(handle(x402PaymentRequired(ACCEPTS), { preset: presets.reasonDetails, variants: { 402: flat } }).body).toBe('{"error":"PAYMENT_REQUIRED"}');
  });
});

describe(`${SEED.numericCode}: notReady`, () => {
  it('HEAD gets the status and headers without a body', () => {
    const r = notReady({ retryAfter: 4, method: 'HEAD' });
    expect(r).toEqual({ status: 202, headers: { 'retry-after': '4', 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }, body: null });
  });
  it('bad numbers never reach the wire; extras never replace the documented members', () => {
    const r = notReady({ retryAfter: Number.NaN, numericCode: 1.5, extras: { retry_after: 999, code: 'x', documents_indexed: 0 } });
    expect(r.headers['retry-after']).toBe('0');
    expect(r.body).toBe('{"message":"The resource is not ready yet","code":0,"retry_after":0,"documents_indexed":0}');
    expect(notReady({ retryAfter: -3 }).headers['retry-after']).toBe('0');
  });
});

describe('presets: the user\'s options win', () => {
  it('envelope, messages and codes', () => {
    expect(handle(errors.notFound(), { preset: presets.statusObject, envelope: 'problem-details' }).body).toBe(
      '{"type":"about:blank","title":"Not Found","status":404,"detail":"The data you requested does not exist or cannot be found."}',
    );
    expect(handle(errors.notFound(), { preset: presets.reasonDetails, messages: { 404: 'Pin missing' } }).body).toBe(
      '{"error":{"reason":"NOT_FOUND","details":"Pin missing"}}',
    );
    expect(handle(errors.tooManyRequests(undefined, { retryAfter: 1 }), { preset: presets.reasonDetails, codes: { 429: 'SLOW_DOWN' } }).body).toBe(
      '{"error":"SLOW_DOWN","retry_after":1}',
    );
  });
  it('presets are frozen data with the names of their styles', () => {
    expect(Object.values(presets).map((p) => p.name)).toEqual(['reason-details', 'error-message-code', 'numeric-code', 'status-object', 'status-guide']);
    expect(Object.isFrozen(presets.reasonDetails)).toBe(true);
    expect(Object.isFrozen(presets.numericCode.messages)).toBe(true);
  });
});
