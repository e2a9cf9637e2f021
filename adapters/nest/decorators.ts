import { UseFilters } from '@nestjs/common';
import { checkValue, envelopeRule, map, type Envelope, type EnvelopeName, type ErrorMatcher, type MapTarget } from '../../src/kit.js';
import { scopeFilterFor, scopeOf, type Scope } from './scope-filter.js';

/** A decorator for a controller class or one of its handlers. */
export type ScopeDecorator = <T>(target: object, propertyKey?: string | symbol, descriptor?: TypedPropertyDescriptor<T>) => void;

// Targets that already have their scope filter: several decorators on one target share one.
const FILTERED = new WeakSet<object>();

function scoped(apply: (scope: Scope) => void): ScopeDecorator {
  return (target, propertyKey, descriptor) => {
    const onHandler = descriptor !== undefined && typeof descriptor.value === 'function';
    const controller = onHandler ? (target as { constructor: object }).constructor : target;
    const handler = onHandler ? (descriptor.value as object) : undefined;
    const key = handler ?? controller;
    apply(scopeOf(key));
    if (FILTERED.has(key)) return;
    FILTERED.add(key);
    const name = (controller as { name?: unknown }).name;
    const label = `${typeof name === 'string' ? name : 'controller'}${onHandler ? `.${String(propertyKey)}` : ''}`;
    const filter = scopeFilterFor(controller, handler, label);
    if (onHandler) UseFilters(filter)(target, propertyKey as string | symbol, descriptor);
    else UseFilters(filter)(target as () => void);
  };
}

/**
 * `@Envelope('numeric-code')` on a controller or a handler: errors thrown there (by guards, pipes,
 * interceptors or the handler) leave in that envelope; the rest of the app's options still apply.
 * A handler's choice beats its controller's. An unknown name throws at startup.
 */
export function Envelope(style: EnvelopeName | Envelope): ScopeDecorator {
  checkValue(style, envelopeRule, '@Envelope() style');
  return scoped((scope) => {
    scope.envelope = style;
  });
}

/**
 * `@MapErrors(AccountNotFound, 404)` on a controller or a handler: a domain-error mapping for errors
 * thrown there, with every target form of `map()` (a status, `{ status, code, … }`, or a function
 * returning an error). Tried before the app's own `map`; a handler's before its controller's, and
 * on one target in the order written.
 */
export function MapErrors<E>(matcher: ErrorMatcher<E>, target: MapTarget<E>): ScopeDecorator {
  const mapping = map(matcher, target);
  return scoped((scope) => {
    // Decorators apply bottom-up; putting each in front keeps the written order.
    scope.map.unshift(mapping);
  });
}
