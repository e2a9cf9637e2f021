// The validation contract's schemas (schemas.ts) written with zod and with valibot, as an app
// would write them: the same rules, so validate() must answer with the same pointers and keywords.
import * as v from 'valibot';
import { z } from 'zod';
import type { RequestSchemas } from '../../src/kit.js';

/** A query value is a string, or an array of strings when the key repeats. */
const oneOrMany = (value: unknown): unknown => (value === undefined || Array.isArray(value) ? value : [value]);

export const zodSchemas = {
  pinsBody: z.strictObject({
    pins: z.array(z.strictObject({ cid: z.string().min(1), name: z.string().max(255).optional() })).max(10000),
  }),
  searchQuery: z.strictObject({
    limit: z.coerce.number().int().min(1).max(100).optional(),
    tags: z.preprocess(oneOrMany, z.array(z.string()).optional()),
    since: z.iso.datetime().optional(),
  }),
  itemParams: z.object({ id: z.coerce.number().int().min(1) }),
  versionHeaders: z.object({ 'x-api-version': z.enum(['1', '2']) }),
  awkwardBody: z.object({ 'a/b': z.string(), 'm~n': z.string(), 'with space': z.string() }),
} as const;

const toNumber = v.transform((value: string) => Number(value));

export const valibotSchemas = {
  pinsBody: v.strictObject({
    pins: v.pipe(
      v.array(v.strictObject({ cid: v.pipe(v.string(), v.minLength(1)), name: v.optional(v.pipe(v.string(), v.maxLength(255))) })),
      v.maxLength(10000),
    ),
  }),
  searchQuery: v.strictObject({
    limit: v.optional(v.pipe(v.string(), toNumber, v.number(), v.integer(), v.minValue(1), v.maxValue(100))),
    tags: v.optional(v.pipe(v.unknown(), v.transform(oneOrMany), v.array(v.string()))),
    since: v.optional(v.pipe(v.string(), v.isoTimestamp())),
  }),
  itemParams: v.object({ id: v.pipe(v.string(), toNumber, v.number(), v.integer(), v.minValue(1)) }),
  versionHeaders: v.object({ 'x-api-version': v.picklist(['1', '2']) }),
  awkwardBody: v.object({ 'a/b': v.string(), 'm~n': v.string(), 'with space': v.string() }),
} as const;

/** The library schemas standing in for the JSON Schemas, part by part. */
export type LibrarySchemas = typeof zodSchemas | typeof valibotSchemas;

/** The contract's routes, with a library's schemas. */
export function libraryRoutes(schemas: LibrarySchemas): { method: 'GET' | 'POST'; path: string; schemas: RequestSchemas }[] {
  return [
    { method: 'POST', path: '/pins', schemas: { body: schemas.pinsBody } },
    { method: 'POST', path: '/awkward', schemas: { body: schemas.awkwardBody } },
    { method: 'GET', path: '/search', schemas: { query: schemas.searchQuery } },
    { method: 'GET', path: '/items/:id', schemas: { params: schemas.itemParams } },
    { method: 'GET', path: '/versioned', schemas: { headers: schemas.versionHeaders } },
    { method: 'POST', path: '/items/:id/pins', schemas: { params: schemas.itemParams, query: schemas.searchQuery, body: schemas.pinsBody } },
  ];
}
