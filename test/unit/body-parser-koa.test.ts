import { createServer } from 'node:http';
import { bodyParser } from '@koa/bodyparser';
import createError from 'http-errors';
import Koa from 'koa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFaultline, type Fault } from '../../src/index.js';
import { BODY_MESSAGES } from '../../src/kit.js';
import { listen } from '../support/http.js';

const fl = createFaultline();
const SECRET = 'sk_live_TOPSECRET';

type Row = [name: string, thrown: () => unknown, expected: Partial<Fault>];

// co-body (Koa's body parsers) rethrows JSON.parse's SyntaxError with `status: 400` and the raw
// text as `body`, no `type`: the message quotes the client's body and must not reach it.
const rows: Row[] = [
  ['co-body JSON parse failure', () => Object.assign(new SyntaxError(`Unexpected token 'S', "{"a": ${SECRET}" is not valid JSON`), { status: 400, body: `{"a": ${SECRET}` }), { status: 400, message: BODY_MESSAGES.malformed, expose: true }],
  ['co-body strict mode (not an object or array)', () => Object.assign(new SyntaxError('invalid JSON, only supports object and array'), { status: 400, body: 'true' }), { status: 400, message: BODY_MESSAGES.malformed }],
  ['raw-body limit, through co-body', () => createError(413, 'request entity too large', { type: 'entity.too.large' }), { status: 413, message: BODY_MESSAGES.tooLarge }],
  ['a SyntaxError from the server\'s own code is a 500, not a body error', () => new SyntaxError(SECRET), { status: 500, expose: false }],
  ['a SyntaxError with status 400 but no raw body keeps its own message', () => Object.assign(new SyntaxError('Bad filter syntax'), { status: 400 }), { status: 400, message: 'Bad filter syntax' }],
  ['a body that is not a string is not co-body\'s', () => Object.assign(new SyntaxError('Bad filter'), { status: 400, body: { raw: SECRET } }), { status: 400, message: 'Bad filter' }],
  ['a throwing name getter is not a crash', () => Object.defineProperty(Object.assign(new Error('x'), { status: 400, body: 'x' }), 'name', { get() { throw new Error(SECRET); } }), { status: 400 }],
];

describe('body-parser recognizer: co-body shapes', () => {
  it.each(rows)('%s', (_name, thrown, expected) => {
    const fault = fl.normalize(thrown());
    expect(fault).toMatchObject(expected);
    expect(fl.render(fault).body).not.toContain(SECRET);
  });
});

/** The errors `@koa/bodyparser` really throws, caught before any handler sees them. */
describe('body-parser recognizer: what @koa/bodyparser throws', () => {
  const caught: unknown[] = [];
  let app: { url: string; close(): Promise<void> };
  beforeAll(async () => {
    const koa = new Koa();
    koa.use(async (ctx, next) => {
      try {
        await next();
      } catch (error) {
        caught.push(error);
        ctx.body = 'caught';
      }
    });
    koa.use(bodyParser({ jsonLimit: '1kb' }));
    app = await listen(createServer(koa.callback()));
  });
  afterAll(() => app.close());

  async function parse(body: string): Promise<Fault> {
    caught.length = 0;
    await fetch(app.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then((r) => r.text());
    expect(caught).toHaveLength(1);
    return fl.normalize(caught[0]);
  }

  it('malformed JSON', async () => {
    const fault = await parse(`{"name": "x", ${SECRET}`);
    expect([fault.status, fault.message]).toEqual([400, BODY_MESSAGES.malformed]);
    expect(fl.render(fault).body).not.toContain(SECRET);
  });

  it('JSON that is not an object or array (strict mode)', async () => {
    const fault = await parse('"just a string"');
    expect([fault.status, fault.message]).toEqual([400, BODY_MESSAGES.malformed]);
  });

  it('a body over the limit', async () => {
    const fault = await parse(JSON.stringify({ blob: 'x'.repeat(2048) }));
    expect([fault.status, fault.message]).toEqual([413, BODY_MESSAGES.tooLarge]);
  });
});
