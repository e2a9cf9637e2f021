import type { Fault } from '../fault/fault.js';
import { toFault, type FaultInput, type FaultPolicy } from './fault-input.js';
import type { ErrorMapping } from './map.js';
import { read } from './read.js';
import { fromAjv } from './recognizers/ajv.js';
import { fromArktype } from './recognizers/arktype.js';
import { fromBodyParser } from './recognizers/body-parser.js';
import { fromBoom } from './recognizers/boom.js';
import { fromFastify } from './recognizers/fastify.js';
import { fromFaultlineError } from './recognizers/faultline.js';
import { fromHonoHttpException } from './recognizers/hono.js';
import { fromJwt } from './recognizers/jwt.js';
import { fromMongodb } from './recognizers/mongodb.js';
import { fromMongoose } from './recognizers/mongoose.js';
import { fromMulter } from './recognizers/multer.js';
import { fromMysql } from './recognizers/mysql.js';
import { fromNestHttpException } from './recognizers/nest.js';
import { fromOpenApiValidator } from './recognizers/openapi-validator.js';
import { fromPostgres } from './recognizers/postgres.js';
import { fromPrisma } from './recognizers/prisma.js';
import { fromRateLimiterRes } from './recognizers/rate-limiter.js';
import { fromSqlite } from './recognizers/sqlite.js';
import { fromStandardSchema } from './recognizers/standard-schema.js';
import { fromStatusBearing } from './recognizers/status-bearing.js';
import { fromUpstream } from './recognizers/upstream.js';
import { fromValibot } from './recognizers/valibot.js';
import { fromZod } from './recognizers/zod.js';
import { fromUnmatchedRoute } from './recognizers/unmatched-route.js';

/** A function that recognises one family of thrown values. */
export type Recognizer = (thrown: unknown, policy?: FaultPolicy) => FaultInput | undefined;

/**
 * The families faultline knows besides its own errors, by the name `disableRecognizers` takes,
 * most specific first (an unmatched route, a 405 or a 404, is one of faultline's own errors and
 * comes before them all): body-parser errors are http-errors; Nest's and Hono's exceptions, axios's
 * and express-jwt's errors carry a `status` too, so the generic status reader comes last; the
 * named schema libraries come before any Standard Schema failure.
 */
export const RECOGNIZER_FAMILIES = {
  'rate-limiter': fromRateLimiterRes,
  ajv: fromAjv,
  boom: fromBoom,
  nest: fromNestHttpException,
  hono: fromHonoHttpException,
  'body-parser': fromBodyParser,
  fastify: fromFastify,
  upstream: fromUpstream,
  jwt: fromJwt,
  multer: fromMulter,
  'openapi-validator': fromOpenApiValidator,
  zod: fromZod,
  valibot: fromValibot,
  arktype: fromArktype,
  'standard-schema': fromStandardSchema,
  postgres: fromPostgres,
  mysql: fromMysql,
  sqlite: fromSqlite,
  mongodb: fromMongodb,
  mongoose: fromMongoose,
  prisma: fromPrisma,
  status: fromStatusBearing,
} as const satisfies Record<string, Recognizer>;

/** A family of thrown values faultline recognises, by name: `'postgres'`, `'upstream'`, `'zod'`, … */
export type RecognizerFamily = keyof typeof RECOGNIZER_FAMILIES;

// Built in a function a bundler can leave out, with the rest, when nothing normalizes (the spread of a
// call would otherwise keep every recognizer in an app that only imports one helper).
/** Every built-in recognizer in the order they are tried: faultline's own errors, then each family. */
export const RECOGNIZERS: readonly Recognizer[] = /* @__PURE__ */ (() => [fromUnmatchedRoute, fromFaultlineError, ...Object.values(RECOGNIZER_FAMILIES)])();

/** The built-in recognizers without the families turned off (faultline's own errors are always known). */
export function recognizersWithout(disabled: ReadonlySet<string>): readonly Recognizer[] {
  if (disabled.size === 0) return RECOGNIZERS;
  const kept: Recognizer[] = [fromUnmatchedRoute, fromFaultlineError];
  for (const [family, recognizer] of Object.entries(RECOGNIZER_FAMILIES)) if (!disabled.has(family)) kept.push(recognizer);
  return kept;
}

export interface NormalizeSettings extends FaultPolicy {
  readonly map: readonly ErrorMapping[];
  /** Extra recognizers (adapters' framework-specific families), tried before the built-in ones. */
  readonly recognizers?: readonly Recognizer[];
  /** The built-in recognizers in force (`disableRecognizers` applied). Default: all of them. */
  readonly builtInRecognizers?: readonly Recognizer[];
}

/** Turns anything thrown into a Fault. Never throws. */
export function normalizeWith(thrown: unknown, settings: NormalizeSettings): Fault {
  try {
    return toFault(recognize(thrown, settings, 0), settings);
  } catch {
    return toFault({ status: 500, message: 'A value that could not be read was thrown' }, settings);
  }
}

function recognize(thrown: unknown, settings: NormalizeSettings, depth: number): FaultInput {
  if (thrown === null || (typeof thrown !== 'object' && typeof thrown !== 'function')) {
    return { status: 500, message: describePrimitive(thrown) };
  }
  // Domain mappings first: the user's intent beats faultline's guess, even for a status-bearing error.
  for (const mapping of settings.map) {
    let matched = false;
    try {
      matched = mapping.matches(thrown);
    } catch {
      matched = false;
    }
    if (!matched) continue;
    const resolved = mapping.resolve(thrown);
    if ('rethrown' in resolved) {
      // A mapping that returns another throwable: recognise that, without mapping again forever.
      return depth < 4 ? recognize(resolved.rethrown, { ...settings, map: [] }, depth + 1) : { status: 500 };
    }
    return resolved;
  }
  for (const recognizer of settings.recognizers ?? []) {
    const input = recognizer(thrown);
    if (input !== undefined) return input;
  }
  for (const recognizer of settings.builtInRecognizers ?? RECOGNIZERS) {
    // The policy lets a recognizer skip what toFault would drop (a stack outside debug mode).
    const input = recognizer(thrown, settings);
    if (input !== undefined) return input;
  }
  // The stack only when it can be shown (debug): formatting one costs more than the rest of the error path.
  const stack = settings.keepDebug ? read(thrown, 'stack') : undefined;
  return { status: 500, message: read(thrown, 'message'), stack, cause: read(thrown, 'cause') };
}

function describePrimitive(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'boolean':
    case 'bigint':
      return `${String(value)} was thrown`;
    case 'symbol':
      return 'A symbol was thrown';
    default:
      return `${value === null ? 'null' : 'undefined'} was thrown`;
  }
}
