import { checkOptions, checkValue, type OptionRules } from '../checks/check-options.js';
import { nonNegativeNumber, plainObject } from '../checks/common-rules.js';
import { errorStatus, machineCode } from '../checks/fault-rules.js';
import { either, isBoolean, isFunction, isString, recordOf, satisfies } from '../checks/rule.js';
import type { FaultInput } from './fault-input.js';
import { isInstance, read } from './read.js';

/** Where a mapped domain error goes: a status, a description, or a function returning a throwable. */
export type MapTarget<E> =
  | number
  | {
      readonly status: number;
      readonly code?: string;
      readonly numericCode?: number;
      /** Default: the error's own message (hidden anyway for an unexposed 5xx). */
      readonly message?: string | ((error: E) => string);
      readonly expose?: boolean;
      readonly headers?: Readonly<Record<string, string>>;
      readonly retryAfter?: number;
      readonly extras?: Readonly<Record<string, unknown>> | ((error: E) => Record<string, unknown>);
    }
  | ((error: E) => unknown);

/** A class of domain errors (`class NotFound extends Error`), or a predicate over thrown values. */
export type ErrorMatcher<E> = (abstract new (...args: never[]) => E) | ((thrown: unknown) => boolean);

/** One registered domain-error mapping, made by `map()`. */
export interface ErrorMapping {
  readonly matches: (thrown: unknown) => boolean;
  readonly resolve: (thrown: unknown) => FaultInput | { readonly rethrown: unknown };
}

type TargetDescription = Exclude<MapTarget<unknown>, number | ((error: never) => unknown)>;

const TARGET_RULES: OptionRules<TargetDescription> = /* @__PURE__ */ (() => ({
  status: errorStatus,
  code: machineCode,
  numericCode: satisfies('an integer', (v) => Number.isSafeInteger(v)),
  message: either(isString, isFunction),
  expose: isBoolean,
  headers: recordOf(isString, isString, 'an object of header values by name'),
  retryAfter: nonNegativeNumber,
  extras: either(plainObject, isFunction),
}))();

const MATCHER = /* @__PURE__ */ satisfies('an Error class (matched with instanceof) or a predicate (thrown) => boolean', (v) => typeof v === 'function');
const TARGET = /* @__PURE__ */ satisfies('a status from 400 to 599, { status, code?, … }, or a function returning an error', (v) =>
  errorStatus.check(v) === true || typeof v === 'function' || (v !== null && typeof v === 'object' && !Array.isArray(v)),
);

/**
 * Registers a domain error: `map(InsufficientFunds, 409)`, `map(isTimeout, { status: 504 })`,
 * `map(LegacyError, (e) => errors.gone(e.message))`. A class is told from a predicate by its
 * prototype: anything whose prototype is an `Error` is matched with `instanceof`.
 */
export function map<E>(matcher: ErrorMatcher<E>, target: MapTarget<E>): ErrorMapping {
  checkValue(matcher, MATCHER, 'map() matcher');
  checkValue(target, TARGET, 'map() target');
  if (typeof target === 'object') {
    checkOptions(target, TARGET_RULES, 'map() target', 'member');
    if (target.status === undefined) throw new TypeError('faultline: map() target needs a status: { status: 404, … }');
  }
  const isClass = typeof matcher === 'function' && isInstance(read(matcher, 'prototype'), Error);
  const matches = isClass
    ? (thrown: unknown) => isInstance(thrown, matcher as abstract new (...args: never[]) => E)
    : (thrown: unknown) => (matcher as (thrown: unknown) => boolean)(thrown) === true;
  const resolve = (thrown: unknown): FaultInput | { readonly rethrown: unknown } => {
    const error = thrown as E;
    if (typeof target === 'function') return { rethrown: target(error) };
    const base: FaultInput = {
      message: read(thrown, 'message'),
      stack: read(thrown, 'stack'),
      cause: read(thrown, 'cause'),
    };
    if (typeof target === 'number') return { ...base, status: target };
    return {
      ...base,
      status: target.status,
      code: target.code,
      numericCode: target.numericCode,
      message: typeof target.message === 'function' ? target.message(error) : (target.message ?? base.message),
      expose: target.expose,
      headers: target.headers,
      retryAfter: target.retryAfter,
      extras: typeof target.extras === 'function' ? target.extras(error) : target.extras,
    };
  };
  return { matches, resolve };
}
