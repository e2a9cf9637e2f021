import Fastify from 'fastify';
import { errorHandler } from '../../../adapters/fastify/index.js';
import { presetRoute, type PresetAppSpec, type PresetHarness } from './preset-harness.js';

export const fastifyPresetHarness: PresetHarness = {
  framework: 'fastify',
  async start(spec: PresetAppSpec) {
    const app = Fastify({ bodyLimit: 1024 });
    await app.register(errorHandler(spec.options));
    const run = async (request: { params: unknown; headers: Record<string, string | string[] | undefined>; body: unknown }, reply: { code(n: number): unknown; headers(h: Record<string, string>): unknown; send(b: unknown): unknown }) => {
      const header = (name: string) => {
        const value = request.headers[name.toLowerCase()];
        return Array.isArray(value) ? value.join(', ') : value;
      };
      const response = await presetRoute(spec, (request.params as { name: string }).name)({ header, body: request.body });
      reply.code(response.status);
      reply.headers(response.headers);
      return reply.send(response.body ?? undefined);
    };
    app.all('/r/:name', run);
    app.post('/upload/:name', run);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    return { url: `http://127.0.0.1:${port}`, close: () => app.close() };
  },
};
