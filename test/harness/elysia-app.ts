// The Elysia harness's app: portable (no Node module), bundled by scripts/test-runtimes.mjs to run
// on Bun, where Elysia is at home.
import { Elysia } from 'elysia';
import { errorHandler, jsonBody } from '../../adapters/elysia/index.js';
import { errorBoundary } from '../../adapters/fetch/index.js';
import { thrower, type AppSpec, type FrameworkDifference } from '../../src/contract/index.js';

/**
 * The harness routes on Elysia, wired as an Elysia user wires faultline: the `errorHandler` plugin
 * first, `jsonBody()` as the JSON route's parser. Bundled by scripts/test-runtimes.mjs to run on
 * Bun, where Elysia is at home; here it runs on Node through Elysia's web-standard adapter.
 */
export function elysiaApp(spec: AppSpec): Elysia {
  return new Elysia()
    .use(errorHandler(spec.options))
    .all('/throw/:name', ({ params }) => {
      throw thrower(spec, params.name)();
    })
    .all('/async/:name', async ({ params }) => {
      await Promise.resolve();
      throw thrower(spec, params.name)();
    })
    .post(
      '/json',
      ({ body }) => {
        void body;
        return { ok: true };
      },
      { parse: jsonBody({ limit: 1024 }) },
    )
    .get('/ok', () => ({ ok: true }))
    .get('/cors/:name', ({ params, set }) => {
      set.headers['access-control-allow-origin'] = '*';
      set.headers['vary'] = 'Origin';
      throw thrower(spec, params.name)();
    })
    .get('/stale/:name', ({ params, set }) => {
      set.headers['etag'] = '"abc"';
      set.headers['content-disposition'] = 'attachment; filename="x.csv"';
      set.headers['content-language'] = 'de';
      set.headers['content-length'] = '3';
      throw thrower(spec, params.name)();
    })
    // Elysia sends nothing until the handler returns: "headers already sent" is a streamed body that fails.
    .get('/sent', () => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('partial'));
          setTimeout(() => controller.error(new Error('failed mid-body')), 10);
        },
      });
      return new Response(body, { headers: { 'content-type': 'text/plain' } });
    }) as unknown as Elysia;
}

/**
 * Elysia's compiled handler reads `error.code` and `error.status` of what was thrown before any
 * `.onError` runs: `null` and `undefined` make that read throw, and so do a getter or a Proxy trap
 * that throws. The request then fails inside Elysia and the server answers its own 500 (empty on
 * Node; Bun's error page).
 */
export const ELYSIA_DIFFERENCES: readonly FrameworkDifference[] = ['null', 'undefined', 'throwing-getter', 'hostile-proxy', 'revoked-proxy'].flatMap(
  (scenario) =>
    (['throw', 'async'] as const).map((route) => ({
      probe: `${route} ${scenario}`,
      status: 500,
      reason: `Elysia reads error.code of a thrown ${scenario} before calling onError, which throws: the server answers its own 500`,
    })),
);

/**
 * The app served as the guide recommends: its `fetch` inside faultline/fetch's `errorBoundary`,
 * which renders what fails inside Elysia itself (the differences above) like everything else.
 */
export function elysiaFetch(spec: AppSpec): (request: Request) => Promise<Response> {
  const app = elysiaApp(spec);
  return errorBoundary((request: Request) => app.handle(request), spec.options);
}
