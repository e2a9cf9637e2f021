import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pinsApp } from '../../examples/koa.js';
import { listen, request } from '../support/http.js';

/** The Koa example serves the shared pins domain; its errors are the ones the Express example documents. */
describe('examples/koa.ts', () => {
  let app: { url: string; close(): Promise<void> };
  beforeAll(async () => {
    app = await listen(createServer(pinsApp('reason-details').callback()));
  });
  afterAll(() => app.close());

  it('answers each documented error in the reason-details envelope', async () => {
    const post = (body: string) => request(`${app.url}/pins`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect((await request(`${app.url}/pins/404`)).text).toBe('{"error":{"reason":"NOT_FOUND","details":"The specified resource was not found"}}');
    expect((await post('{"cid":')).text).toBe('{"error":{"reason":"BAD_REQUEST","details":"Request body is not valid JSON"}}');
    const unauthorized = await request(`${app.url}/pins/1`, { method: 'DELETE' });
    expect([unauthorized.status, unauthorized.headers.get('www-authenticate')]).toEqual([401, 'Bearer']);
    const report = await request(`${app.url}/report`);
    expect(report.text).toBe('{"error":{"reason":"INTERNAL_SERVER_ERROR","details":"An unexpected error occurred"}}');
    expect((await request(`${app.url}/nowhere`)).text).toBe('{"error":{"reason":"NOT_FOUND","details":"Cannot GET /nowhere"}}');
    // The sixth request to /pins within 10 s (five are allowed) is refused.
    expect((await request(`${app.url}/pins`)).status).toBe(200);
    expect((await request(`${app.url}/pins`)).status).toBe(200);
    const limited = await request(`${app.url}/pins`);
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '10']);
    expect(limited.json).toMatchObject({ error: { reason: 'TOO_MANY_REQUESTS' }, retry_after: 10 });
  });
});
