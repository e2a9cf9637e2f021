import { createServer } from 'node:http';
import express from 'express';
import { expressjwt } from 'express-jwt';
import * as OpenApiValidator from 'express-openapi-validator';
import { SignJWT } from 'jose';
import multer from 'multer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorHandler } from '../../adapters/express/index.js';
import type { RunningApp } from '../harness/harness.js';
import { listen, request } from '../support/http.js';

const KEY = 'k'.repeat(32);
const sign = (exp: number) => new SignJWT({ sub: 'u1' }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime(exp).sign(new TextEncoder().encode(KEY));

const spec = {
  openapi: '3.0.3',
  info: { title: 'pins', version: '1' },
  paths: {
    '/api/pins': {
      post: {
        parameters: [{ name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1 } }],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { type: 'object', required: ['cid'], additionalProperties: false, properties: { cid: { type: 'string', minLength: 3 }, name: { type: 'string' } } },
            },
          },
        },
        responses: { '200': { description: 'ok' } },
      },
    },
  },
};

const form = (field: string, size: number): RequestInit => {
  const data = new FormData();
  data.append(field, new Blob(['x'.repeat(size)]), 'a.png');
  return { method: 'POST', body: data };
};

/**
 * Upload, token and OpenAPI middleware on a real Express app over HTTP: Multer, express-jwt and
 * express-openapi-validator make their own errors; faultline answers them.
 */
describe('express middleware that throws: multer, express-jwt, express-openapi-validator', () => {
  let app: RunningApp;
  beforeAll(async () => {
    const server = express();
    const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: 16 } });
    server.post('/avatar', upload.single('avatar'), (_req, res) => void res.json({ ok: true }));
    server.get('/me', expressjwt({ secret: KEY, algorithms: ['HS256'] }), (_req, res) => void res.json({ ok: true }));
    server.use(express.json());
    server.use('/api', OpenApiValidator.middleware({ apiSpec: spec as never, validateRequests: true, validateResponses: false }));
    server.post('/api/pins', (req, res) => void res.json({ body: req.body }));
    server.use(errorHandler({ envelope: 'error-message-code' }));
    app = await listen(createServer(server));
  });
  afterAll(() => app.close());

  it('multer: a file over the limit is a 413 naming the field', async () => {
    const res = await request(`${app.url}/avatar`, form('avatar', 64));
    expect(res.status).toBe(413);
    expect(res.json).toEqual({
      error: 'Payload Too Large',
      message: 'The uploaded file is too large',
      code: 'PAYLOAD_TOO_LARGE',
      details: [{ field: '/avatar', in: 'body', code: 'maxFileSize', message: 'The uploaded file is too large', params: {} }],
    });
  });

  it('multer: a file in a field the route does not take is a 400', async () => {
    const res = await request(`${app.url}/avatar`, form('photo', 4));
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ message: 'The upload has a file in a field that takes none', details: [{ field: '/photo', code: 'unexpectedFile' }] });
    expect((await request(`${app.url}/avatar`, form('avatar', 4))).status).toBe(200);
  });

  it('express-jwt: no token is a 401 with a bare Bearer challenge (RFC 6750 §3.1)', async () => {
    const res = await request(`${app.url}/me`);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    expect(res.json).toEqual({ error: 'Unauthorized', message: 'No access token was given', code: 'UNAUTHORIZED' });
  });

  it('express-jwt: an expired token, a bad signature', async () => {
    const expired = await request(`${app.url}/me`, { headers: { authorization: `Bearer ${await sign(Math.floor(Date.now() / 1000) - 60)}` } });
    expect(expired.status).toBe(401);
    expect(expired.headers.get('www-authenticate')).toBe('Bearer error="invalid_token", error_description="The access token expired"');
    expect(expired.json).toMatchObject({ message: 'The access token expired' });
    const valid = await sign(Math.floor(Date.now() / 1000) + 60);
    const forged = await request(`${app.url}/me`, { headers: { authorization: `Bearer ${valid.slice(0, -4)}AAAA` } });
    expect(forged.headers.get('www-authenticate')).toBe('Bearer error="invalid_token", error_description="The access token signature is invalid"');
    expect((await request(`${app.url}/me`, { headers: { authorization: `Bearer ${valid}` } })).status).toBe(200);
  });

  it('express-jwt: an Authorization header that is not a bearer token is a 400 invalid_request', async () => {
    const res = await request(`${app.url}/me`, { headers: { authorization: 'Basic dXNlcjpwYXNz' } });
    expect(res.status).toBe(400);
    expect(res.headers.get('www-authenticate')).toBe('Bearer error="invalid_request"');
  });

  // The validator stops at a part's first failure: one issue per part here.
  const rules = async (query: string, body: unknown) => {
    const res = await request(`${app.url}/api/pins${query}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(res.status).toBe(400);
    return (res.json as { details: { field: string; in: string; code: string }[] }).details.map((d) => `${d.in} ${d.field} ${d.code}`).toSorted();
  };

  it('express-openapi-validator: request failures are field issues with locations and keywords', async () => {
    expect(await rules('?limit=0', { cid: 'Q' })).toEqual(['body /cid minLength', 'query /limit minimum']);
    expect(await rules('', { cid: 'bafy', admin: true })).toEqual(['body /admin additionalProperties']);
  });

  it('express-openapi-validator: a missing member, a method the document does not list', async () => {
    const missing = await request(`${app.url}/api/pins`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(missing.json).toMatchObject({ details: [{ field: '/cid', in: 'body', code: 'required', message: 'is required' }] });
    const method = await request(`${app.url}/api/pins`, { method: 'DELETE' });
    expect(method.status).toBe(405);
    expect(method.headers.get('allow')).toMatch(/POST/);
    const ok = await request(`${app.url}/api/pins`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ cid: 'bafy' }) });
    expect(ok.status).toBe(200);
  });
});
