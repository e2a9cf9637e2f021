// The adapter contract's routes as one Next.js App Router route handler (faultline/fetch), with
// the app for each envelope picked by a test header. Copied into a Next.js app and built by
// scripts/test-runtimes.mjs against the packed faultline.
import { ENVELOPES } from 'faultline';
import { errorBoundary, notFound, readJson } from 'faultline/fetch';
import { CONTRACT_SCENARIOS, thrower, throwersOf } from 'faultline/kit/contract';

const throwers = throwersOf(CONTRACT_SCENARIOS);

function contractApp(spec) {
  const unmatched = notFound(spec.options);
  const handle = errorBoundary(async (request) => {
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
    return unmatched(request);
  }, spec.options);
  return async (request) => {
    const response = await handle(request);
    if (!new URL(request.url).pathname.startsWith('/cors/')) return response;
    response.headers.set('access-control-allow-origin', '*');
    response.headers.append('vary', 'Origin');
    return response;
  };
}

const apps = Object.fromEntries(Object.keys(ENVELOPES).map((envelope) => [envelope, contractApp({ options: { envelope }, throwers })]));

function handler(request) {
  return (apps[request.headers.get('x-test-envelope')] ?? apps['problem-details'])(request);
}

export const dynamic = 'force-dynamic';
export const GET = handler;
export const HEAD = handler;
export const POST = handler;
