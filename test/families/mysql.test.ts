import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../harness/harness.js';
import { startMariadb, type DatabaseServer } from '../support/databases.js';
import { request } from '../support/http.js';
import { databaseApp } from './database-app.js';

const STORED = 'stored-secret@example.com';

async function canConnect(port: number): Promise<boolean> {
  try {
    const connection = await mysql.createConnection({ host: '127.0.0.1', port, user: 'root' });
    await connection.end();
    return true;
  } catch {
    return false;
  }
}

/**
 * MariaDB's refusals, made by a real server through mysql2: a duplicate entry is a 409 that names
 * no field (MySQL names the index, which stays in the server), a foreign-key failure a 409 naming
 * its column; never the value, the index, the constraint, the table or the SQL (mysql2 keeps it).
 */
describe('mysql (mysql2 against a real MariaDB server)', () => {
  let server: DatabaseServer;
  let pool: mysql.Pool;
  let app: RunningApp;
  beforeAll(async () => {
    server = await startMariadb(canConnect);
    const setup = await mysql.createConnection({ host: '127.0.0.1', port: server.port, user: 'root', multipleStatements: true });
    await setup.query(`
      CREATE DATABASE app;
      USE app;
      CREATE TABLE orgs (id INT PRIMARY KEY AUTO_INCREMENT) ENGINE=InnoDB;
      CREATE TABLE accounts (id INT PRIMARY KEY AUTO_INCREMENT, email VARCHAR(100) UNIQUE, org_id INT, FOREIGN KEY (org_id) REFERENCES orgs(id)) ENGINE=InnoDB;
      INSERT INTO orgs VALUES ();
    `);
    await setup.end();
    pool = mysql.createPool({ host: '127.0.0.1', port: server.port, user: 'root', database: 'app' });
    await pool.query('INSERT INTO accounts (email, org_id) VALUES (?, 1)', [STORED]);
    app = await databaseApp({
      duplicate: () => pool.query('INSERT INTO accounts (email) VALUES (?)', [STORED]),
      'missing-reference': () => pool.query('INSERT INTO accounts (email, org_id) VALUES (?, 99)', ['other@example.com']),
      'still-referenced': () => pool.query('DELETE FROM orgs WHERE id = 1'),
      'other-error': () => pool.query('SELECT * FROM no_such_table'),
    });
  }, 90_000);
  afterAll(async () => {
    await app?.close();
    await pool?.end();
    await server?.stop();
  });

  it.each([
    ['duplicate', { type: 'about:blank', title: 'Conflict', status: 409, detail: 'A record with the same values already exists' }],
    [
      'missing-reference',
      { type: 'about:blank', title: 'Conflict', status: 409, detail: 'A record this one refers to does not exist', errors: [{ detail: 'refers to a record that does not exist', pointer: '#/org_id', code: 'reference', params: {} }] },
    ],
    ['still-referenced', { type: 'about:blank', title: 'Conflict', status: 409, detail: 'The record is still referred to by other records' }],
    ['other-error', { type: 'about:blank', title: 'Internal Server Error', status: 500, detail: 'Internal Server Error' }],
  ])('%s', async (name, body) => {
    const res = await request(`${app.url}/run/${name}`, { method: 'POST' });
    expect(res.status).toBe(body.status);
    expect(res.json).toEqual(body);
    for (const internal of [STORED, 'accounts', 'orgs', 'ibfk', 'INSERT', 'DELETE', 'ER_', '1062', "'email'"]) {
      expect(res.text).not.toContain(internal);
    }
  });
});
