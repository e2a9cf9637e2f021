import { createServer } from 'node:http';
import { bodyLimit, getRouterParam, H3, readBody, toNodeHandler, type H3Event } from 'h3';
import { errorBoundary, errorHandler } from '../../adapters/h3/index.js';
import { listen } from '../support/http.js';
import { thrower, type AppSpec, type Harness } from './harness.js';

/**
 * The harness routes on h3 v2, wired as an h3 user wires faultline: `errorHandler` as the app's
 * `onError` (unmatched routes included), `errorBoundary` as the first middleware, h3's own
 * `bodyLimit` and `readBody` for JSON; also used in-process through `app.request()`.
 */
const name = (event: H3Event): string => getRouterParam(event, 'name', { decode: true }) ?? '';

export function h3App(spec: AppSpec): H3 {
  // h3 logs every unhandled error to the console unless silent (and faultline does as h3 does):
  // silent unless the test asks for logs, as the probes throw hundreds on purpose.
  const app = new H3({ onError: errorHandler(spec.options), silent: spec.log === undefined });
  app.use(errorBoundary(spec.options));
  app.all('/throw/:name', (event) => {
    throw thrower(spec, name(event))();
  });
  app.all('/async/:name', async (event) => {
    await Promise.resolve();
    throw thrower(spec, name(event))();
  });
  app.post(
    '/json',
    async (event) => {
      await readBody(event);
      return { ok: true };
    },
    { middleware: [bodyLimit(1024)] },
  );
  app.get('/ok', () => ({ ok: true }));
  app.get('/cors/:name', (event) => {
    event.res.headers.set('Access-Control-Allow-Origin', '*');
    event.res.headers.set('Vary', 'Origin');
    throw thrower(spec, name(event))();
  });
  app.get('/stale/:name', (event) => {
    event.res.headers.set('ETag', '"abc"');
    event.res.headers.set('Content-Disposition', 'attachment; filename="x.csv"');
    event.res.headers.set('Content-Language', 'de');
    event.res.headers.set('Content-Length', '3');
    throw thrower(spec, name(event))();
  });
  // h3 sends nothing until the handler returns: "headers already sent" is a streamed body that fails.
  app.get('/sent', () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('partial'));
        setTimeout(() => controller.error(new Error('failed mid-body')), 10);
      },
    });
    return new Response(body, { headers: { 'content-type': 'text/plain' } });
  });
  return app;
}

export const h3Harness: Harness = {
  framework: 'h3',
  async start(spec: AppSpec) {
    return listen(createServer(toNodeHandler(h3App(spec))));
  },
};
