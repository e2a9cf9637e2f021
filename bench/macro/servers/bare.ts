// The machine's limit: node:http writing, for every request, the bytes faultline answers a 404 with.
import { createServer } from 'node:http';
import { createFaultline, errors } from '../../../src/index.js';
import { announce, LOCALHOST } from './shared.js';

const response = createFaultline().handle(errors.notFound(), { method: 'GET', path: '/pins/42' });
const body = Buffer.from(response.body ?? '');
const headers = { ...response.headers, 'content-length': String(body.length) };

const server = createServer((_req, res) => {
  res.writeHead(response.status, headers);
  res.end(body);
}).listen(0, LOCALHOST, () => announce(server));
