import { Readable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import { errorHandler } from '../../adapters/fastify/index.js';
import { thrower, type AppSpec, type Harness } from './harness.js';

/** The harness routes on a Fastify app (not listening); `server` is Fastify's own server options (`http2`, `https`). */
export async function fastifyApp(spec: AppSpec, server: Record<string, unknown> = {}): Promise<FastifyInstance> {
  const { log } = spec;
  const levels: Record<number, 'error' | 'warn' | 'info' | 'debug'> = { 60: 'error', 50: 'error', 40: 'warn', 30: 'info', 20: 'debug', 10: 'debug' };
  const logger =
    log === undefined
      ? false
      : { level: 'info', stream: { write: (line: string) => log({ level: levels[(JSON.parse(line) as { level: number }).level] ?? 'info', text: line }) } };
  const app = Fastify({ bodyLimit: 1024, logger, ...server }) as unknown as FastifyInstance;
  await app.register(errorHandler(spec.options));
  app.all('/throw/:name', (request) => {
    throw thrower(spec, (request.params as { name: string }).name)();
  });
  app.all('/async/:name', async (request) => {
    await Promise.resolve();
    throw thrower(spec, (request.params as { name: string }).name)();
  });
  app.post('/json', async () => ({ ok: true }));
  app.get('/ok', async () => ({ ok: true }));
  app.get('/cors/:name', (request, reply) => {
    reply.header('Access-Control-Allow-Origin', '*');
    reply.header('Vary', 'Origin');
    throw thrower(spec, (request.params as { name: string }).name)();
  });
  app.get('/stale/:name', (request, reply) => {
    reply.header('ETag', '"abc"');
    reply.header('Content-Disposition', 'attachment; filename="x.csv"');
    reply.header('Content-Language', 'de');
    reply.header('Content-Length', '3');
    throw thrower(spec, (request.params as { name: string }).name)();
  });
  app.get('/sent', (_request, reply) => {
    const stream = new Readable({
      read() {
        this.push('partial');
        setImmediate(() => this.destroy(new Error('failed mid-body')));
      },
    });
    return reply.type('text/plain').send(stream);
  });
  return app;
}

export const fastifyHarness: Harness = {
  framework: 'fastify',
  async start(spec: AppSpec) {
    const app = await fastifyApp(spec);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    return { url: `http://127.0.0.1:${port}`, close: () => app.close() };
  },
};
