// `npm start`: the pins API on 127.0.0.1 and the curl lines that show each error.
//   npm start                                  Express, every envelope side by side
//   npm start -- --framework koa               Koa (or hono, nest, fastify), one envelope
//   npm start -- --framework hono --envelope status-object
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import express from 'express';
import { ENVELOPES, type EnvelopeName } from '../src/index.js';

const FRAMEWORKS = ['express', 'koa', 'hono', 'nest', 'fastify'] as const;
type Framework = (typeof FRAMEWORKS)[number];

const { values } = parseArgs({
  options: { framework: { type: 'string', default: 'express' }, envelope: { type: 'string' } },
});
const framework = values.framework as Framework;
if (!FRAMEWORKS.includes(framework)) throw new Error(`--framework must be one of ${FRAMEWORKS.join(', ')}`);
const envelopes = Object.keys(ENVELOPES) as EnvelopeName[];
if (values.envelope !== undefined && !envelopes.includes(values.envelope as EnvelopeName)) {
  throw new Error(`--envelope must be one of ${envelopes.join(', ')}`);
}
// Express and Hono mount every envelope side by side unless one is asked for.
const sideBySide = values.envelope === undefined && (framework === 'express' || framework === 'hono');
const envelope = (values.envelope ?? 'reason-details') as EnvelopeName;
const port = Number(process.env.PORT ?? 3000);

/** Starts the chosen framework's example on 127.0.0.1 and resolves with its base URL. */
async function start(): Promise<string> {
  switch (framework) {
    case 'express': {
      const { pinsApp } = await import('./express.js');
      const app = express();
      if (sideBySide) for (const e of envelopes) app.use(`/${e}`, pinsApp(e));
      app.use('/', pinsApp(envelope));
      return listen(createServer(app));
    }
    case 'koa': {
      const { pinsApp } = await import('./koa.js');
      return listen(createServer(pinsApp(envelope).callback()));
    }
    case 'hono': {
      const { allEnvelopesApp, pinsApp } = await import('./hono.js');
      const app = sideBySide ? allEnvelopesApp() : pinsApp(envelope);
      return new Promise((resolve) => {
        serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, (info) => resolve(`http://127.0.0.1:${info.port}`));
      });
    }
    case 'nest': {
      const { pinsNestApp } = await import('./nest.js');
      const app = await pinsNestApp(envelope);
      await app.listen(port, '127.0.0.1');
      return (await app.getUrl()).replace('[::1]', '127.0.0.1');
    }
    case 'fastify': {
      const { pinsApp } = await import('./fastify.js');
      const app = await pinsApp(envelope);
      await app.listen({ port, host: '127.0.0.1' });
      return `http://127.0.0.1:${port}`;
    }
  }
}

function listen(server: ReturnType<typeof createServer>): Promise<string> {
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      resolve(`http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : port}`);
    });
  });
}

const base = await start();
console.log(
  [
    `faultline example: the pins API on ${framework} at ${base}`,
    sideBySide
      ? `(errors in reason-details at ${base}/, and in each envelope under ${envelopes.map((e) => `/${e}`).join(', ')})`
      : `(errors in the ${envelope} envelope; --envelope to change)`,
    '',
    `curl -i ${base}/pins/404                                   # 404 NOT_FOUND`,
    `curl -i -X POST ${base}/pins -H 'content-type: application/json' -d '{"name":1}'   # 400 with field issues`,
    `curl -i -X POST ${base}/pins -H 'content-type: application/json' -d '{"cid":'      # 400 malformed JSON`,
    `curl -i -X POST ${base}/pins -H 'content-type: application/json' -d "{\\"cid\\":\\"$(head -c 2000 /dev/zero | tr '\\0' x)\\"}"   # 413 body too large`,
    `curl -i -X DELETE ${base}/pins/1                            # 401 with WWW-Authenticate`,
    `curl -i -X PUT ${base}/report                              # 405 with Allow: GET, HEAD`,
    `curl -i ${base}/report                                     # 500, internals hidden`,
    `curl -i ${base}/nowhere                                    # unmatched route`,
    `curl -I ${base}/nowhere                                    # HEAD: no body`,
    '',
    `# /pins allows 5 requests per 10 s per client, and the lines above count: wait, then five pass and a 6th is refused`,
    `sleep 10; for i in 1 2 3 4 5 6; do curl -s -o /dev/null -w '%{http_code} ' ${base}/pins; done; echo   # 200 x5, then 429`,
    `curl -i ${base}/pins                                       # 429 with Retry-After (and RateLimit)`,
    ...(sideBySide ? ['', ...envelopes.map((e) => `curl -s ${base}/${e}/pins/404; echo   # ${e}`)] : []),
  ].join('\n'),
);
