import { Client, Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../harness/harness.js';
import { startPostgres, type DatabaseServer } from '../support/databases.js';
import { request } from '../support/http.js';
import { databaseApp } from './database-app.js';

const STORED = 'stored-secret@example.com';

async function canConnect(port: number): Promise<boolean> {
  const client = new Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const conflict = (pointers: string[]) => ({
  type: 'about:blank',
  title: 'Conflict',
  status: 409,
  detail: 'A record with the same values already exists',
  errors: pointers.map((pointer) => ({ detail: 'is already taken', pointer, code: 'unique', params: {} })),
});

/**
 * PostgreSQL's refusals, made by a real server through node-postgres, reach the client as a 409
 * naming the key's columns (never the value, the constraint, the table or the SQL), or a 400.
 */
describe('postgres (node-postgres against a real server)', () => {
  let server: DatabaseServer;
  let pool: Pool;
  let app: RunningApp;
  beforeAll(async () => {
    server = await startPostgres(canConnect);
    pool = new Pool({ host: '127.0.0.1', port: server.port, user: 'postgres', database: 'postgres' });
    await pool.query(`
      CREATE TABLE orgs (id serial PRIMARY KEY);
      CREATE TABLE accounts (id serial PRIMARY KEY, email text UNIQUE, "userName" text UNIQUE, org_id int REFERENCES orgs(id));
      CREATE TABLE memberships (org_id int, user_id int, UNIQUE (org_id, user_id));
      CREATE TABLE items (id uuid PRIMARY KEY);
      INSERT INTO orgs DEFAULT VALUES;
    `);
    await pool.query('INSERT INTO accounts (email, "userName", org_id) VALUES ($1, $2, 1)', [STORED, STORED]);
    await pool.query('INSERT INTO memberships VALUES (1, 1)');
    app = await databaseApp({
      duplicate: () => pool.query('INSERT INTO accounts (email) VALUES ($1)', [STORED]),
      'duplicate-quoted': () => pool.query('INSERT INTO accounts ("userName") VALUES ($1)', [STORED]),
      'duplicate-composite': () => pool.query('INSERT INTO memberships VALUES (1, 1)'),
      'missing-reference': () => pool.query('INSERT INTO accounts (email, org_id) VALUES ($1, 99)', ['other@example.com']),
      'still-referenced': () => pool.query('DELETE FROM orgs WHERE id = 1'),
      'malformed-id': () => pool.query('SELECT * FROM items WHERE id = $1', [STORED]),
      // Drizzle wraps the driver's error as its cause.
      'wrapped-duplicate': async () => {
        try {
          await pool.query('INSERT INTO accounts (email) VALUES ($1)', [STORED]);
        } catch (error) {
          throw new Error(`Failed query: INSERT INTO accounts (email) VALUES ($1) params: ${STORED}`, { cause: error });
        }
      },
      'other-error': () => pool.query('SELECT * FROM no_such_table'),
    });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await pool?.end();
    await server?.stop();
  });

  it.each([
    ['duplicate', conflict(['#/email'])],
    ['duplicate-quoted', conflict(['#/userName'])],
    ['duplicate-composite', conflict(['#/org_id', '#/user_id'])],
    ['wrapped-duplicate', conflict(['#/email'])],
    [
      'missing-reference',
      { type: 'about:blank', title: 'Conflict', status: 409, detail: 'A record this one refers to does not exist', errors: [{ detail: 'refers to a record that does not exist', pointer: '#/org_id', code: 'reference', params: {} }] },
    ],
    ['still-referenced', { type: 'about:blank', title: 'Conflict', status: 409, detail: 'The record is still referred to by other records' }],
    ['malformed-id', { type: 'about:blank', title: 'Bad Request', status: 400, detail: 'A value in the request is not in the expected format' }],
    ['other-error', { type: 'about:blank', title: 'Internal Server Error', status: 500, detail: 'Internal Server Error' }],
  ])('%s', async (name, body) => {
    const res = await request(`${app.url}/run/${name}`, { method: 'POST' });
    expect(res.status).toBe((body as { status: number }).status);
    expect(res.json).toEqual(body);
    for (const internal of [STORED, 'accounts', 'orgs', 'memberships', '_key', '_fkey', 'public', 'INSERT', 'DELETE', 'uuid', '23505']) {
      expect(res.text).not.toContain(internal);
    }
  });

  it('the postgres family turned off: a unique violation is an unrecognised 500', async () => {
    const off = await databaseApp({ duplicate: () => pool.query('INSERT INTO accounts (email) VALUES ($1)', [STORED]) }, { envelope: 'problem-details', disableRecognizers: ['postgres'] });
    try {
      expect((await request(`${off.url}/run/duplicate`, { method: 'POST' })).status).toBe(500);
    } finally {
      await off.close();
    }
  });
});
