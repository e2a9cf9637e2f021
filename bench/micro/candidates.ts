import Boom from '@hapi/boom';
import { BadRequestException, HttpException, InternalServerErrorException, NotFoundException } from '@nestjs/common';
import { HTTPException } from 'hono/http-exception';
import createError from 'http-errors';
import { createFaultline, errors, type FieldIssue } from '../../src/index.js';
import { handEnvelope } from './hand-envelope.js';
import { ISSUES, RETRY_AFTER, SECRET, VALIDATION_MESSAGE, type BenchResponse, type Scenario } from './scenarios.js';

/**
 * One way to make an error response: `create` makes what a route throws (at depth), `respond` is
 * the error handler that turns it into status, headers and body.
 */
export interface Candidate {
  readonly name: string;
  readonly create: Readonly<Record<Scenario, () => unknown>>;
  readonly respond: (thrown: unknown) => BenchResponse;
}

// Options resolved once, as `errorHandler()` does.
const faultline = createFaultline();
const REQUEST = { method: 'GET', path: '/pins/42' };

const faultlineCandidate: Candidate = {
  name: 'faultline',
  create: {
    '404': () => errors.notFound(),
    '500': () => errors.internalServerError(SECRET),
    validation: () => errors.badRequest(VALIDATION_MESSAGE, { issues: ISSUES }),
    '429': () => errors.tooManyRequests(undefined, { retryAfter: RETRY_AFTER }),
  },
  respond: (thrown) => faultline.handle(thrown, REQUEST),
};

interface HttpErrorsLike {
  status: number;
  message: string;
  expose: boolean;
  issues?: readonly FieldIssue[];
  headers?: Record<string, string>;
}

const httpErrors: Candidate = {
  name: 'http-errors + hand envelope',
  create: {
    '404': () => createError(404),
    '500': () => createError(500, SECRET),
    validation: () => createError(400, VALIDATION_MESSAGE, { issues: ISSUES }),
    '429': () => createError(429, { headers: { 'Retry-After': String(RETRY_AFTER) } }),
  },
  respond(thrown) {
    const e = thrown as HttpErrorsLike;
    const retry = e.headers?.['Retry-After'];
    return handEnvelope(e.status, e.message, e.expose, e.issues, retry === undefined ? undefined : Number(retry));
  },
};

const boom: Candidate = {
  name: '@hapi/boom',
  create: {
    '404': () => Boom.notFound(),
    '500': () => Boom.internal(SECRET),
    validation: () => Boom.badRequest(VALIDATION_MESSAGE, { issues: ISSUES }),
    '429': () => {
      const e = Boom.tooManyRequests();
      e.output.headers['Retry-After'] = String(RETRY_AFTER);
      return e;
    },
  },
  respond(thrown) {
    const e = thrown as Boom.Boom<{ issues?: readonly FieldIssue[] } | undefined>;
    const status = e.output.statusCode;
    const retry = e.output.headers['Retry-After'];
    return handEnvelope(status, e.message, status < 500, e.data?.issues, retry === undefined ? undefined : Number(retry));
  },
};

const nest: Candidate = {
  name: 'Nest HttpException',
  create: {
    '404': () => new NotFoundException(),
    '500': () => new InternalServerErrorException(SECRET),
    validation: () => new BadRequestException({ message: VALIDATION_MESSAGE, issues: ISSUES }),
    '429': () => new HttpException({ message: 'Too Many Requests', retryAfter: RETRY_AFTER }, 429),
  },
  respond(thrown) {
    const e = thrown as HttpException;
    const status = e.getStatus();
    const payload = e.getResponse();
    const data = typeof payload === 'object' ? (payload as { message?: string; issues?: readonly FieldIssue[]; retryAfter?: number }) : {};
    return handEnvelope(status, data.message ?? e.message, status < 500, data.issues, data.retryAfter);
  },
};

const hono: Candidate = {
  name: 'Hono HTTPException',
  create: {
    '404': () => new HTTPException(404, { message: 'Not Found' }),
    '500': () => new HTTPException(500, { message: SECRET }),
    validation: () => new HTTPException(400, { message: VALIDATION_MESSAGE, cause: ISSUES }),
    '429': () => new HTTPException(429, { message: 'Too Many Requests', cause: RETRY_AFTER }),
  },
  respond(thrown) {
    const e = thrown as HTTPException;
    const { status } = e;
    return handEnvelope(
      status,
      e.message,
      status < 500,
      status === 400 ? (e.cause as readonly FieldIssue[]) : undefined,
      status === 429 ? (e.cause as number) : undefined,
    );
  },
};

/** What a careful hand-written error class does: an Error subclass that captures no stack. */
class StacklessError extends Error {
  readonly status: number;
  readonly issues: readonly FieldIssue[] | undefined;
  readonly retryAfter: number | undefined;
  constructor(status: number, message: string, issues?: readonly FieldIssue[], retryAfter?: number) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
    this.status = status;
    this.issues = issues;
    this.retryAfter = retryAfter;
  }
}

const stackless: Candidate = {
  name: 'stackless Error subclass',
  create: {
    '404': () => new StacklessError(404, 'Not Found'),
    '500': () => new StacklessError(500, SECRET),
    validation: () => new StacklessError(400, VALIDATION_MESSAGE, ISSUES),
    '429': () => new StacklessError(429, 'Too Many Requests', undefined, RETRY_AFTER),
  },
  respond(thrown) {
    const e = thrown as StacklessError;
    return handEnvelope(e.status, e.message, e.status < 500, e.issues, e.retryAfter);
  },
};

interface Literal {
  status: number;
  message: string;
  issues?: readonly FieldIssue[];
  retryAfter?: number;
}

/** The floor: no Error at all, an object literal thrown and serialised. */
const literal: Candidate = {
  name: 'object literal (floor)',
  create: {
    '404': () => ({ status: 404, message: 'Not Found' }),
    '500': () => ({ status: 500, message: SECRET }),
    validation: () => ({ status: 400, message: VALIDATION_MESSAGE, issues: ISSUES }),
    '429': () => ({ status: 429, message: 'Too Many Requests', retryAfter: RETRY_AFTER }),
  },
  respond(thrown) {
    const e = thrown as Literal;
    return handEnvelope(e.status, e.message, e.status < 500, e.issues, e.retryAfter);
  },
};

export const FLOOR = literal.name;
export const FAULTLINE = faultlineCandidate.name;
export const HTTP_ERRORS = httpErrors.name;
export const STACKLESS = stackless.name;
export const CANDIDATES: readonly Candidate[] = [faultlineCandidate, httpErrors, boom, nest, hono, stackless, literal];
