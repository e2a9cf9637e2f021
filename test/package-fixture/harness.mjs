// The contract's routes on node:http, for any adapter shaped like ./adapter.mjs.
import { createServer } from 'node:http';
import { thrower } from 'faultline/kit/contract';

export function harnessFor(framework, adapter) {
  return {
    framework,
    async start(spec) {
      const handle = adapter.errorHandler(spec.options);
      const server = createServer(async (req, res) => {
        try {
          const [, route, name = ''] = req.url.split('?')[0].split('/');
          if (route === 'throw') throw thrower(spec, decodeURIComponent(name))();
          if (route === 'async') {
            await Promise.resolve();
            throw thrower(spec, decodeURIComponent(name))();
          }
          if (route === 'json' && req.method === 'POST') {
            await adapter.jsonBody(req, 1024);
            return res.setHeader('content-type', 'application/json').end('{"ok":true}');
          }
          if (route === 'ok') return res.setHeader('content-type', 'application/json').end('{"ok":true}');
          if (route === 'cors') {
            res.setHeader('Access-Control-Allow-Origin', '*');
            res.setHeader('Vary', 'Origin');
            throw thrower(spec, name)();
          }
          if (route === 'stale') {
            res.setHeader('ETag', '"abc"');
            res.setHeader('Content-Disposition', 'attachment; filename="x.csv"');
            throw thrower(spec, name)();
          }
          if (route === 'sent') {
            res.writeHead(200, { 'content-type': 'text/plain' });
            res.write('partial');
            throw new Error('failed mid-body');
          }
          throw adapter.notFound(req);
        } catch (error) {
          handle(error, req, res);
        }
      });
      await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
      return {
        url: `http://127.0.0.1:${server.address().port}`,
        close: () => new Promise((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
      };
    },
  };
}
