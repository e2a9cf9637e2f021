// Errors made by the libraries apps use, as those libraries make them: HTTP clients calling a real
// local server (which answers 401/403/404/500, or never answers), schema libraries parsing bad
// input, SQLite refusing a duplicate, jose and express-jwt refusing an expired token. Made once when this module
// is first imported (a top-level await), then thrown as they are by the scenario table. Where a
// library cannot run here, its own exported class makes the error: Prisma (its client needs
// `prisma generate`), MongoDB (no server package), Multer and express-openapi-validator (their
// errors need a request in flight; test/families makes them over HTTP too).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PrismaClientKnownRequestError } from '@prisma/client/runtime/client';
import { type } from 'arktype';
import axios from 'axios';
import Database from 'better-sqlite3';
import { expressjwt } from 'express-jwt';
import * as openapi from 'express-openapi-validator';
import { got } from 'got';
import { jwtVerify, SignJWT } from 'jose';
import ky from 'ky';
import { MongoServerError } from 'mongodb';
import mongoose from 'mongoose';
import multer from 'multer';
import { ofetch } from 'ofetch';
import * as v from 'valibot';
import { z } from 'zod';
import { z as z3 } from 'zod3';

/** Planted in every upstream request and response, and in every stored value: it must never leave. */
export const UPSTREAM_SECRET = 'sk_live_51HxSECRET_upstream';

/** A service this API calls: answers `/<status>` with that status, and never answers `/hang`. */
async function upstreamServer(): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    if (req.url?.startsWith('/hang')) return;
    const status = Number(req.url?.slice(1, 4)) || 500;
    res.writeHead(status, {
      'content-type': 'application/json',
      'www-authenticate': `Bearer realm="upstream", error="invalid_token", error_description="${UPSTREAM_SECRET}"`,
      'set-cookie': `session=${UPSTREAM_SECRET}`,
      'x-upstream-secret': UPSTREAM_SECRET,
    });
    res.end(JSON.stringify({ error: UPSTREAM_SECRET, code: 'UPSTREAM_CODE' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function caught(call: () => Promise<unknown>): Promise<unknown> {
  try {
    await call();
  } catch (error) {
    return error;
  }
  throw new Error('test bug: the call did not fail');
}

const auth = { authorization: `Bearer ${UPSTREAM_SECRET}` };

async function upstreamErrors(): Promise<Record<string, unknown>> {
  const { server, url } = await upstreamServer();
  const at = (path: string) => `${url}${path}?token=${UPSTREAM_SECRET}`;
  try {
    const made: Record<string, unknown> = {};
    for (const status of [401, 403, 404, 500]) {
      made[`axios-${status}`] = await caught(() => axios.get(at(`/${status}`), { headers: auth }));
      made[`ofetch-${status}`] = await caught(() => ofetch(at(`/${status}`), { headers: auth, retry: 0 }));
    }
    made['axios-timeout'] = await caught(() => axios.get(at('/hang'), { headers: auth, timeout: 30 }));
    made['axios-abort-timeout'] = await caught(() => axios.get(at('/hang'), { headers: auth, signal: AbortSignal.timeout(30) }));
    made['ofetch-timeout'] = await caught(() => ofetch(at('/hang'), { headers: auth, timeout: 30, retry: 0 }));
    made['got-404'] = await caught(() => got(at('/404'), { headers: auth, retry: { limit: 0 } }));
    made['got-timeout'] = await caught(() => got(at('/hang'), { headers: auth, timeout: { request: 30 }, retry: { limit: 0 } }));
    made['ky-403'] = await caught(() => ky(at('/403'), { headers: auth, retry: 0 }));
    made['ky-timeout'] = await caught(() => ky(at('/hang'), { headers: auth, timeout: 30, retry: 0 }));
    made['fetch-timeout'] = await caught(() => fetch(at('/hang'), { headers: auth, signal: AbortSignal.timeout(30) }));
    made['fetch-refused'] = await caught(() => fetch(`http://127.0.0.1:1/?token=${UPSTREAM_SECRET}`, { headers: auth }));
    return made;
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

function sqliteErrors(): Record<string, unknown> {
  let db: Database.Database;
  try {
    db = new Database(':memory:');
  } catch (error) {
    // Its native addon is built for one Node ABI (npm ci on Node 20); the suite also runs on Node 22
    // and 24 (npm run test:runtimes), where it cannot load. There the errors come from
    // better-sqlite3's own exported class, with the message and code it gives them on Node 20.
    if (!String(error).includes('NODE_MODULE_VERSION')) throw error;
    return {
      'sqlite-unique': new Database.SqliteError('UNIQUE constraint failed: users.email', 'SQLITE_CONSTRAINT_UNIQUE'),
      'sqlite-foreign-key': new Database.SqliteError('FOREIGN KEY constraint failed', 'SQLITE_CONSTRAINT_FOREIGNKEY'),
    };
  }
  db.exec('PRAGMA foreign_keys = ON; CREATE TABLE orgs (id INTEGER PRIMARY KEY); CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT UNIQUE, org INTEGER REFERENCES orgs(id))');
  db.prepare('INSERT INTO users (email) VALUES (?)').run(UPSTREAM_SECRET);
  const made: Record<string, unknown> = {};
  try {
    db.prepare('INSERT INTO users (email) VALUES (?)').run(UPSTREAM_SECRET);
  } catch (error) {
    made['sqlite-unique'] = error;
  }
  try {
    db.prepare('INSERT INTO users (email, org) VALUES (?, 99)').run('other');
  } catch (error) {
    made['sqlite-foreign-key'] = error;
  }
  db.close();
  return made;
}

const JWT_KEY = UPSTREAM_SECRET.padEnd(32, '!');

function expiredToken(): Promise<string> {
  return new SignJWT({ sub: UPSTREAM_SECRET }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime(Math.floor(Date.now() / 1000) - 60).sign(new TextEncoder().encode(JWT_KEY));
}

async function joseExpired(): Promise<unknown> {
  const token = await expiredToken();
  return caught(() => jwtVerify(token, new TextEncoder().encode(JWT_KEY)));
}

/** express-jwt's middleware, handed a request with an expired token: what it passes to `next`. */
async function expressJwtExpired(): Promise<unknown> {
  const request = { headers: { authorization: `Bearer ${await expiredToken()}` } };
  return new Promise((resolve) => {
    void expressjwt({ secret: JWT_KEY, algorithms: ['HS256'] })(request as never, {} as never, resolve);
  });
}

async function mongooseErrors(): Promise<Record<string, unknown>> {
  const schema = new mongoose.Schema({ email: { type: String, required: true, minlength: 5 }, age: { type: Number, min: 0 } });
  const User = (mongoose.models.ScenarioUser ?? mongoose.model('ScenarioUser', schema)) as mongoose.Model<unknown>;
  const made: Record<string, unknown> = {};
  made['mongoose-validation'] = await caught(() => new User({ email: 'abc', age: UPSTREAM_SECRET }).validate());
  try {
    // Casting a query's filter, as `User.findById(req.params.id)` does before it runs.
    User.find({ _id: UPSTREAM_SECRET } as never).cast(User);
  } catch (error) {
    made['mongoose-cast'] = error;
  }
  return made;
}

const pinZod4 = z.strictObject({ cid: z.string().min(1), size: z.number().int().optional() });
const pinZod3 = z3.object({ cid: z3.string().min(1) }).strict();
const pinValibot = v.strictObject({ cid: v.pipe(v.string(), v.minLength(1)) });
const pinArktype = type({ cid: 'string > 0' });

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('test bug: nothing was thrown');
}

/** Every real-library error, by scenario name. */
export const REAL_ERRORS: Readonly<Record<string, unknown>> = {
  ...(await upstreamErrors()),
  octokit: new (await import('@octokit/request-error')).RequestError('Not Found', 404, {
    request: { method: 'GET', url: `https://api.github.com/repos/x?access_token=${UPSTREAM_SECRET}`, headers: { authorization: `token ${UPSTREAM_SECRET}` } },
    response: { status: 404, url: 'https://api.github.com/repos/x', headers: {}, data: { message: UPSTREAM_SECRET } },
  }),
  'zod-4': thrownBy(() => pinZod4.parse({ cid: '', size: 1.5, admin: UPSTREAM_SECRET })),
  'zod-3': thrownBy(() => pinZod3.parse({ admin: true })),
  valibot: thrownBy(() => v.parse(pinValibot, { cid: 7 })),
  'arktype-assert': thrownBy(() => pinArktype.assert({})),
  ...sqliteErrors(),
  'mongodb-duplicate': new MongoServerError({
    code: 11000,
    keyValue: { email: UPSTREAM_SECRET },
    keyPattern: { email: 1 },
    errmsg: `E11000 duplicate key error collection: app.users index: email_1 dup key: { email: "${UPSTREAM_SECRET}" }`,
  }),
  ...(await mongooseErrors()),
  'prisma-unique': new PrismaClientKnownRequestError(`Unique constraint failed on the fields: (\`email\`) ${UPSTREAM_SECRET}`, {
    code: 'P2002',
    clientVersion: '7.10.0',
    meta: { modelName: 'User', target: ['email'] },
  }),
  'prisma-not-found': new PrismaClientKnownRequestError('No record was found for an update.', {
    code: 'P2025',
    clientVersion: '7.10.0',
    meta: { modelName: 'User', cause: 'Record to update not found.' },
  }),
  'multer-file-size': new multer.MulterError('LIMIT_FILE_SIZE', 'avatar'),
  'multer-unexpected-file': new multer.MulterError('LIMIT_UNEXPECTED_FILE', 'photos'),
  'express-jwt-expired': await expressJwtExpired(),
  'jose-expired': await joseExpired(),
  'openapi-validator-400': new openapi.error.BadRequest({
    path: '/pins',
    message: 'request/body/cid must be string',
    errors: [{ path: '/body/cid', message: 'must be string', errorCode: 'type.openapi.validation' }],
  }),
};
