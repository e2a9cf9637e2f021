// What the automatic 405 adds to the 404 of a path no route serves, in process: the adapter's read
// of its router (16 routes) and the core's decision, against the same 404 with methodNotAllowed off.
// `npx tsx bench/unmatched-micro.ts`. Interleaved rounds, medians of ns per unmatched request.
import { Router } from '@koa/router';
import { Elysia } from 'elysia';
import express from 'express';
import Fastify from 'fastify';
import { H3 } from 'h3';
import { Hono } from 'hono';
import { elysiaRouteMethods, type ElysiaAppLike } from '../adapters/elysia/allowed-methods.js';
import { h3RouteMethods } from '../adapters/h3/allowed-methods.js';
import { createFaultline, expressRouteMethods, fastifyRouteMethods, rememberRouteMethods, routeNotFound, type AllowedMethodsReader } from '../src/kit.js';
import { median } from './stats.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const ROUTES: readonly (readonly [Method, string])[] = [
  ['GET', '/pins'], ['POST', '/pins'], ['GET', '/pins/:id'], ['PUT', '/pins/:id'], ['DELETE', '/pins/:id'],
  ['GET', '/pins/:id/files'], ['POST', '/pins/:id/files'], ['GET', '/users'], ['GET', '/users/:id'], ['PATCH', '/users/:id'],
  ['GET', '/users/:id/keys'], ['DELETE', '/users/:id/keys/:key'], ['GET', '/health'], ['GET', '/status'], ['POST', '/login'], ['POST', '/logout'],
];
const PATH = '/nowhere/42';
const lower = (method: Method) => method.toLowerCase() as Lowercase<Method>;
const ok = () => undefined;

const expressApp = express();
for (const [method, path] of ROUTES) expressApp[lower(method)](path, ok);

const fastify = Fastify();
for (const [method, url] of ROUTES) fastify.route({ method, url, handler: async () => 'ok' });
await fastify.ready();

const koaRouter = new Router();
for (const [method, path] of ROUTES) koaRouter[lower(method)](path, ok);

const hono = new Hono();
for (const [method, path] of ROUTES) hono.on(method, path, (c) => c.text('ok'));

const h3 = new H3();
for (const [method, path] of ROUTES) h3.on(method, path, ok);

const elysia = new Elysia();
for (const [method, path] of ROUTES) elysia.route(method, path, () => 'ok');
elysia.compile();

const fastifyRemembered = rememberRouteMethods((path) => fastifyRouteMethods(fastify, path));

// Each framework's reading of its router for the unmatched path, as its adapter does it.
const READERS: Readonly<Record<string, AllowedMethodsReader>> = {
  'express (walk the layers)': () => expressRouteMethods(expressApp as never, PATH),
  'fastify (findRoute per method)': () => fastifyRouteMethods(fastify, PATH),
  // What the Fastify adapter reads once the app has started: the same answer, remembered by path.
  'fastify, started (remembered by path)': () => fastifyRemembered(PATH),
  // Koa reads the layers @koa/router already matched (ctx.matched): here, one match() as the router did.
  'koa (@koa/router ctx.matched)': () => koaRouter.match(PATH, 'GET').path.flatMap((layer) => layer.methods),
  'hono (match per method)': () => {
    const found: string[] = [];
    for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
      const [entries] = hono.router.match(method, PATH) as unknown as [readonly (readonly [readonly [unknown, { method?: string }], unknown])[]];
      if (entries.some(([entry]) => entry[1]?.method === method)) found.push(method);
    }
    return found;
  },
  'h3 (~findRoute per method)': () => h3RouteMethods(h3, PATH),
  'elysia (static table, then find per method)': () => elysiaRouteMethods(elysia as unknown as ElysiaAppLike, PATH),
};

const on = createFaultline();
const off = createFaultline({ methodNotAllowed: false });
const request = { method: 'GET', path: PATH };

function nsPer(run: () => void, iterations: number): number {
  const started = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) run();
  return Number(process.hrtime.bigint() - started) / iterations;
}

const ITERATIONS = 20_000;
console.log('| unmatched GET /nowhere/42, 16 routes | 404 with 405 off, ns | 404 with 405 on, ns | difference ns | on ÷ off |');
console.log('|---|---:|---:|---:|---:|');
for (const [name, reader] of Object.entries(READERS)) {
  const offRuns: number[] = [];
  const onRuns: number[] = [];
  for (let round = 0; round < 9; round++) {
    // Interleaved, the order alternating: the machine's noise hits both alike.
    const pair = [
      () => offRuns.push(nsPer(() => off.handle(routeNotFound('GET', PATH, reader), request), ITERATIONS)),
      () => onRuns.push(nsPer(() => on.handle(routeNotFound('GET', PATH, reader), request), ITERATIONS)),
    ];
    if (round % 2 === 1) pair.reverse();
    for (const measure of pair) measure();
  }
  const a = median(offRuns);
  const b = median(onRuns);
  console.log(`| ${name} | ${a.toFixed(0)} | ${b.toFixed(0)} | ${(b - a).toFixed(0)} | ${(b / a).toFixed(2)}x |`);
}
await fastify.close();
