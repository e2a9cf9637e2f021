import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { Duplex } from 'node:stream';
import type { Listener } from './apps.js';

/**
 * One request through a real Node request/response pair, as a server would hand it to the app,
 * without the network: the response is serialised as usual and its bytes are dropped. Resolves
 * with the status once the response has finished.
 */
export function dispatch(listener: Listener, path: string, requestId: string): Promise<number> {
  const req = new IncomingMessage(new Socket());
  req.method = 'GET';
  req.url = path;
  req.headers = { host: 'bench.local', 'x-request-id': requestId };
  req.push(null);
  const res = new ServerResponse(req);
  const sink = new Duplex({
    write(_chunk, _encoding, callback) {
      callback();
    },
    read() {},
  });
  return new Promise<number>((resolve, reject) => {
    res.once('finish', () => resolve(res.statusCode));
    res.once('error', reject);
    res.assignSocket(sink as unknown as Socket);
    listener(req, res);
  });
}
