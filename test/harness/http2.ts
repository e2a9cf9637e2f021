// The harness routes served over HTTP/2, by every framework that serves it: h2 (TLS, with a
// certificate made for the run) and h2c (cleartext, prior knowledge). Requests go through a
// `node:http2` client session; the parity suite compares their answers with HTTP/1.1's. Express
// does not serve HTTP/2 (expressjs/express#5462): behind `http2.createSecureServer({ allowHTTP1 })`
// it swaps Node's HTTP/2 request and response prototypes for its HTTP/1 ones, and the first
// request throws inside Node's stream code.
import { createSecureServer, createServer, type Http2SecureServer } from 'node:http2';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import Koa from 'koa';
import { localCertificate } from '../support/certificate.js';
import { http2Running, listenHttp2 } from '../support/http2.js';
import { fastifyApp } from './fastify.js';
import type { AppSpec, Harness, RunningApp } from './harness.js';
import { honoApp } from './hono.js';
import { koaApp } from './koa.js';
import { startNest } from './nest.js';

type Protocol = 'h2' | 'h2c';

async function fastifyOver(protocol: Protocol, spec: AppSpec): Promise<RunningApp> {
  const certificate = protocol === 'h2' ? await localCertificate() : undefined;
  const app = await fastifyApp(spec, certificate === undefined ? { http2: true } : { http2: true, https: certificate });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return http2Running(`${protocol === 'h2' ? 'https' : 'http'}://127.0.0.1:${port}`, certificate?.cert, () => app.close());
}

async function koaOver(protocol: Protocol, spec: AppSpec): Promise<RunningApp> {
  const callback = koaApp(Koa, spec).callback();
  if (protocol === 'h2c') return listenHttp2(createServer(callback));
  const certificate = await localCertificate();
  return listenHttp2(createSecureServer(certificate, callback), certificate.cert);
}

async function honoOver(protocol: Protocol, spec: AppSpec): Promise<RunningApp> {
  const app = honoApp(spec);
  if (protocol === 'h2c') return listenHttp2(createAdaptorServer({ fetch: app.fetch, createServer }) as unknown as Http2SecureServer);
  const certificate = await localCertificate();
  const server = createAdaptorServer({ fetch: app.fetch, createServer: createSecureServer, serverOptions: certificate });
  return listenHttp2(server as unknown as Http2SecureServer, certificate.cert);
}

async function nestFastifyOver(protocol: Protocol, spec: AppSpec): Promise<RunningApp> {
  const certificate = protocol === 'h2' ? await localCertificate() : undefined;
  const app = await startNest('fastify', spec, { fastify: certificate === undefined ? { http2: true } : { http2: true, https: certificate } });
  return http2Running(app.url, certificate?.cert, () => app.close());
}

function harness(framework: string, start: (spec: AppSpec) => Promise<RunningApp>): Harness {
  return { framework, start };
}

/** Every framework that answers over HTTP/2, as its users serve it. */
export const HTTP2_HARNESSES: readonly Harness[] = [
  harness('fastify-h2', (spec) => fastifyOver('h2', spec)),
  harness('fastify-h2c', (spec) => fastifyOver('h2c', spec)),
  harness('koa-h2', (spec) => koaOver('h2', spec)),
  harness('koa-h2c', (spec) => koaOver('h2c', spec)),
  harness('hono-h2', (spec) => honoOver('h2', spec)),
  harness('hono-h2c', (spec) => honoOver('h2c', spec)),
  harness('nest-fastify-h2', (spec) => nestFastifyOver('h2', spec)),
  harness('nest-fastify-h2c', (spec) => nestFastifyOver('h2c', spec)),
];
