// The fetch harness's app: portable (no Node module), bundled by scripts/test-runtimes.mjs to run
// on Bun, Deno and workerd as well.
import { errorBoundary, notFound, readJson } from '../../adapters/fetch/index.js';
import { thrower, type AppSpec } from '../../src/contract/index.js';

/**
 * The harness routes as a plain `Request → Response` handler wrapped in `errorBoundary`, with a
 * hand-written router, the way a Worker or a Bun.serve app is written; also used in-process.
 * A fetch handler has no response before it returns one: CORS is applied around the boundary, to
 * whatever response comes out (the error included), and `/stale` has no headers to set.
 */
export function fetchApp(spec: AppSpec): (request: Request) => Promise<Response> {
  const unmatched = notFound(spec.options);
  const handle = errorBoundary(async (request: Request): Promise<Response> => {
    const [, route = '', raw = ''] = new URL(request.url).pathname.split('/');
    const name = decodeURIComponent(raw);
    const get = request.method === 'GET' || request.method === 'HEAD';
    if (route === 'throw') throw thrower(spec, name)();
    if (route === 'async') {
      await Promise.resolve();
      throw thrower(spec, name)();
    }
    if (route === 'json' && request.method === 'POST') {
      await readJson(request, { limit: 1024 });
      return Response.json({ ok: true });
    }
    if (route === 'ok' && get) return Response.json({ ok: true });
    if ((route === 'cors' || route === 'stale') && get) throw thrower(spec, name)();
    // "Headers already sent": a streamed body that fails after its first chunk; the runtime ends it.
    if (route === 'sent' && get) {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('partial'));
          setTimeout(() => controller.error(new Error('failed mid-body')), 10);
        },
      });
      return new Response(body, { headers: { 'content-type': 'text/plain' } });
    }
    return unmatched(request);
  }, spec.options);
  return async (request) => {
    const response = await handle(request);
    if (!new URL(request.url).pathname.startsWith('/cors/')) return response;
    // A CORS wrapper as fetch apps write one: it adds its fields to whatever response comes out.
    response.headers.set('access-control-allow-origin', '*');
    response.headers.append('vary', 'Origin');
    return response;
  };
}
