// The official Node instrumentations that install on this Node: HTTP, Express, Koa, and Fastify's
// own @fastify/otel. They patch a framework when it is first `require`d, as in a CommonJS app (an
// ESM app passes `--import @opentelemetry/instrumentation/hook.mjs`): requiring Express and Koa
// here patches the very module objects the harnesses import afterwards. @fastify/otel registers
// itself on every Fastify instance as it is created (`registerOnInitialization`).
// @opentelemetry/instrumentation-nestjs-core is not here: its releases for Node 20 support NestJS
// below 12; Nest's requests are traced by the HTTP instrumentation and its platform's.
import { createRequire } from 'node:module';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { KoaInstrumentation } from '@opentelemetry/instrumentation-koa';
import { FastifyOtelInstrumentation } from '@fastify/otel';
// oxlint-disable-next-line import/no-unassigned-import -- registers the SDK before any framework is loaded
import './sdk.js';

registerInstrumentations({
  instrumentations: [
    new HttpInstrumentation(),
    new ExpressInstrumentation(),
    new KoaInstrumentation(),
    new FastifyOtelInstrumentation({ registerOnInitialization: true }),
  ],
});
const require = createRequire(import.meta.url);
for (const name of ['express', 'koa']) require(name);
