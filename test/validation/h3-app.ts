// h3 wired for the validation contract: errorBoundary first, errorHandler as onError, then per
// route h3's bodyLimit() and validate(); the route reads event.context.valid.
import { createServer } from 'node:http';
import { bodyLimit, getQuery, H3, toNodeHandler, type H3Event, type Middleware } from 'h3';
import { errorBoundary, errorHandler, validate } from '../../adapters/h3/index.js';
import { listen } from '../support/http.js';
import { BODY_LIMIT, type ValidationHarness } from './harness.js';

// What the route sees after validation: the checked parts, coerced values included.
function reply(event: H3Event) {
  const valid = event.context.valid;
  return { body: valid?.body ?? null, query: valid?.query ?? getQuery(event), params: valid?.params ?? event.context.params ?? {} };
}

export const h3ValidationHarness: ValidationHarness = {
  framework: 'h3',
  async start(spec) {
    const app = new H3({ onError: errorHandler(spec.handler), silent: true });
    app.use(errorBoundary(spec.handler));
    for (const route of spec.routes) {
      const check: Middleware = route.perRequest === true ? (event, next) => validate(route.schemas, route.options)(event, next) : validate(route.schemas, route.options);
      app.on(route.method, route.path, reply, { middleware: [bodyLimit(spec.bodyLimit ?? BODY_LIMIT), check] });
    }
    return listen(createServer(toNodeHandler(app)));
  },
};
