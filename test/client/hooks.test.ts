// faultline/client's hooks in the HTTP clients they are for: real ky and real ofetch against a real
// faultline server (Express) on 127.0.0.1. An error response rejects with a ClientError.
import ky, { isHTTPError, isNetworkError } from 'ky';
import { ofetch } from 'ofetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isClientError, kyBeforeError, ofetchOnResponseError, type ClientError } from '../../src/client/index.js';
import { ENVELOPES, errors, type EnvelopeName } from '../../src/index.js';
import { expressHarness } from '../harness/express.js';
import type { RunningApp } from '../harness/harness.js';

const ENVELOPE_NAMES = Object.keys(ENVELOPES) as EnvelopeName[];

/** The rejection of a request that must fail. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('the request succeeded');
}

async function clientError(promise: Promise<unknown>): Promise<ClientError> {
  const error = await rejection(promise);
  if (!isClientError(error)) throw new Error(`not a ClientError: ${String(error)}`);
  return error;
}

/** ky as an app sets it up once: the hook on the instance, retries off (they are tested apart). */
const kyApi = (url: string) => ky.create({ baseUrl: `${url}/throw/`, hooks: { beforeError: [kyBeforeError] }, retry: 0 });

/** Requests per thrower name: how often the client retried. */
const calls = new Map<string, number>();
const throwers: Record<string, () => unknown> = {
  missing: () => errors.notFound('No pin bafy1'),
  funds: () => errors.conflict('Unable to process request due to the lack of funds', { code: 'INSUFFICIENT_FUNDS' }),
  invalid: () =>
    errors.badRequest('Invalid body', {
      issues: [
        { location: 'body', pointer: '/pins/0/cid', keyword: 'required', message: 'is required' },
        { location: 'query', pointer: '/limit', keyword: 'maximum', message: 'must be <= 1000' },
      ],
    }),
  limited: () => errors.tooManyRequests('Slow down', { retryAfter: 0 }),
  down: () => errors.serviceUnavailable(undefined, { retryAfter: 0 }),
};
for (const name of Object.keys(throwers)) {
  const thrower = throwers[name] as () => unknown;
  throwers[name] = () => {
    calls.set(name, (calls.get(name) ?? 0) + 1);
    return thrower();
  };
}

describe.each(ENVELOPE_NAMES)('%s', (envelope) => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await expressHarness.start({ options: { envelope }, throwers });
  });
  afterAll(() => app.close());

  describe('ky with kyBeforeError', () => {
    it('a 404 rejects with a ClientError; ky’s HTTPError is its cause', async () => {
      const error = await clientError(kyApi(app.url).get('missing').json());
      expect(error).toMatchObject({ status: 404, code: 'NOT_FOUND', message: 'No pin bafy1', envelope });
      expect(isHTTPError(error.cause)).toBe(true);
      expect((error.cause as { response: Response }).response.status).toBe(404);
    });

    it('the machine code where the envelope carries one; field issues where it carries them', async () => {
      const conflict = await clientError(kyApi(app.url).post('funds', { json: {} }).json());
      expect(conflict.status).toBe(409);
      expect(conflict.code).toBe(['status-object', 'numeric-code'].includes(envelope) ? 'CONFLICT' : 'INSUFFICIENT_FUNDS');
      const invalid = await clientError(kyApi(app.url).post('invalid', { json: {} }).json());
      expect(invalid.status).toBe(400);
      // reason-details folds issues into its text; numeric-code groups them by field (its own order).
      expect(invalid.issues.map((issue) => issue.pointer).toSorted()).toEqual(envelope === 'reason-details' ? [] : ['/limit', '/pins/0/cid']);
    });

    it('Retry-After becomes retryAfter', async () => {
      const error = await clientError(kyApi(app.url).get('limited').json());
      expect(error).toMatchObject({ status: 429, retryAfter: 0 });
    });

    it('ky still retries (here a 503 with Retry-After: 0, twice), and the last failure is the ClientError', async () => {
      calls.set('down', 0);
      const error = await clientError(ky.get(`${app.url}/throw/down`, { hooks: { beforeError: [kyBeforeError] }, retry: { limit: 2 } }).json());
      expect(error.status).toBe(503);
      expect(calls.get('down')).toBe(3);
    });
  });

  describe('ofetch with ofetchOnResponseError', () => {
    const api = ofetch.create({ onResponseError: ofetchOnResponseError, retryDelay: 0 });

    it('a 404 rejects with a ClientError', async () => {
      const error = await clientError(api(`${app.url}/throw/missing`));
      expect(error).toMatchObject({ status: 404, code: 'NOT_FOUND', message: 'No pin bafy1', envelope });
    });

    it('field issues and the machine code', async () => {
      const invalid = await clientError(api(`${app.url}/throw/invalid`, { method: 'POST', body: {} }));
      expect(invalid.issues).toHaveLength(envelope === 'reason-details' ? 0 : 2);
      const conflict = await clientError(api(`${app.url}/throw/funds`, { method: 'POST', body: {} }));
      expect(conflict.code).toBe(['status-object', 'numeric-code'].includes(envelope) ? 'CONFLICT' : 'INSUFFICIENT_FUNDS');
    });

    it('ofetch’s retry still happens: a GET 503 is tried twice, a POST once, retry: 3 four times', async () => {
      for (const [init, expected] of [
        [{}, 2],
        [{ method: 'POST', body: {} }, 1],
        [{ retry: 3 }, 4],
        [{ retry: false }, 1],
      ] as const) {
        calls.set('down', 0);
        const error = await clientError(api(`${app.url}/throw/down`, init));
        expect(error).toMatchObject({ status: 503, retryAfter: 0 });
        expect(calls.get('down'), JSON.stringify(init)).toBe(expected);
      }
    });

    it('a HEAD has no body: the status and headers still make the ClientError', async () => {
      const error = await clientError(api(`${app.url}/throw/limited`, { method: 'HEAD' }));
      expect(error).toMatchObject({ status: 429, code: 'TOO_MANY_REQUESTS', envelope: 'none', retryAfter: 0 });
    });
  });
});

describe('failures without a response pass through', () => {
  it('ky: a refused connection stays ky’s NetworkError', async () => {
    const app = await expressHarness.start({ throwers });
    const url = app.url;
    await app.close();
    const error = await rejection(ky.get(url, { hooks: { beforeError: [kyBeforeError] }, retry: 0 }));
    expect(isClientError(error)).toBe(false);
    expect(isNetworkError(error)).toBe(true);
  });

  it('ofetch: a refused connection stays ofetch’s FetchError', async () => {
    const app = await expressHarness.start({ throwers });
    const url = app.url;
    await app.close();
    const error = await rejection(ofetch(url, { onResponseError: ofetchOnResponseError, retry: 0 }));
    expect(isClientError(error)).toBe(false);
    expect((error as Error).name).toBe('FetchError');
  });
});
