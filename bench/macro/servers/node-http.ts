// The machine's limit: node:http writing, for every request, the bytes of the 404 prepared once.
import { createServer } from 'node:http';
import { announce, DIRECT, LOCALHOST } from './shared.js';

const server = createServer((_req, res) => {
  res.writeHead(DIRECT.status, DIRECT.headers).end(DIRECT.bytes);
}).listen(0, LOCALHOST, () => announce(server));
