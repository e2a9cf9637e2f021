// A filter bound to one controller or handler by `@Envelope` / `@MapErrors`. Nest hands an exception
// filter only the request, never the handler that threw (nestjs/nest#13822), so a global filter
// cannot read a handler's metadata. A filter bound to the handler itself runs for everything
// thrown on its route (guards, pipes, interceptors, the handler) before the global one: it knows
// its scope, and finds the app's own faultline options on the global `FaultlineFilter`.
import { Catch, Inject, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { ApplicationConfig } from '@nestjs/core';
import { createFaultline, type Envelope, type EnvelopeName, type ErrorMapping, type Faultline, type FaultlineOptions } from '../../src/kit.js';
import { answer, isFaultlineFilter, logToNest } from './filter.js';

/** What `@Envelope` and `@MapErrors` set on one class or handler. */
export interface Scope {
  envelope?: EnvelopeName | Envelope;
  readonly map: ErrorMapping[];
}

const SCOPES = new WeakMap<object, Scope>();

export function scopeOf(target: object): Scope {
  let scope = SCOPES.get(target);
  if (scope === undefined) {
    scope = { map: [] };
    SCOPES.set(target, scope);
  }
  return scope;
}

/** The app's options with a handler's and its controller's choices over them (the handler's first). */
export function scopedOptions(global: FaultlineOptions, handler: object | undefined, controller: object): FaultlineOptions {
  const own = handler === undefined ? undefined : SCOPES.get(handler);
  const inherited = SCOPES.get(controller);
  return {
    ...global,
    envelope: own?.envelope ?? inherited?.envelope ?? global.envelope,
    map: [...(own?.map ?? []), ...(inherited?.map ?? []), ...(global.map ?? [])],
  };
}

@Catch()
export abstract class FaultlineScopeFilter implements ExceptionFilter {
  protected abstract readonly controller: object;
  protected abstract readonly handler: object | undefined;
  private faultline: Faultline | undefined;

  constructor(@Inject(ApplicationConfig) private readonly config: ApplicationConfig) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    // Resolved on first use: global filters are registered after the modules are built.
    this.faultline ??= createFaultline(scopedOptions(this.globalOptions(), this.handler, this.controller), logToNest);
    answer(this.faultline, exception, host);
  }

  private globalOptions(): FaultlineOptions {
    return this.config.getGlobalFilters().find(isFaultlineFilter)?.options ?? {};
  }
}

type ScopeFilterClass = new (config: ApplicationConfig) => FaultlineScopeFilter;

/**
 * A filter class of its own for each decorated class or handler: Nest instantiates it with its
 * dependencies (the app's `ApplicationConfig`), and each knows which scope it serves.
 */
export function scopeFilterFor(controller: object, handler: object | undefined, label: string): ScopeFilterClass {
  const bound = class extends FaultlineScopeFilter {
    protected readonly controller = controller;
    protected readonly handler = handler;
  };
  Object.defineProperty(bound, 'name', { value: `FaultlineScopeFilter(${label})` });
  return bound;
}
