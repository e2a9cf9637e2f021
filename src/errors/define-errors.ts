import { HttpError, isHttpError, type HttpErrorInit } from './http-error.js';

/**
 * Marks an error a catalog made: its code is documented (the generated error reference has a
 * section for it), so problem details may name it in `type`. A shared symbol, as the brand is:
 * another copy of faultline (ESM and CJS) reads it too.
 */
export const DOCUMENTED_CODE = Symbol.for('faultline.documentedCode');

/** One entry of a typed error catalog. `X`: the type of its `extras`. */
export interface ErrorDefinition<X = Readonly<Record<string, unknown>>> {
  readonly status: number;
  /** Default message; a call may pass its own. */
  readonly message: string;
  readonly numericCode?: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly expose?: boolean;
  readonly retryAfter?: number;
  /**
   * Members added to every body (`required`, …); a call may pass its own. Their types are the
   * entry's contract: the client reads them typed (`isClientError(error, AppErrors.MISSING_SCOPE)`).
   */
  readonly extras?: X;
  /** For generated docs: what the error means. */
  readonly description?: string;
  /** For generated docs: known causes and their solutions. */
  readonly causes?: readonly { readonly cause: string; readonly solution: string }[];
}

/** What one call of a catalog factory may add or override. */
export type FactoryInit = Omit<HttpErrorInit, 'code' | 'numericCode'>;

/** A typed factory for one catalog entry: `AppErrors.INSUFFICIENT_FUNDS()`. `X`: the type of its extras. */
export interface ErrorFactory<C extends string, X = Readonly<Record<string, unknown>>> {
  (message?: string, init?: FactoryInit): HttpError<C>;
  (init: FactoryInit & { message?: string }): HttpError<C>;
  readonly code: C;
  readonly status: number;
  readonly definition: ErrorDefinition<X>;
  /** True for an error this entry made (in any copy of faultline). */
  is(value: unknown): value is HttpError<C>;
}

/** A literal type as the value it stands for: `'files:write'` → `string`, `{ readonly n: 1 }` → `{ n: number }`. */
type Widened<T> = T extends string
  ? string
  : T extends number
    ? number
    : T extends boolean
      ? boolean
      : T extends readonly (infer U)[]
        ? Widened<U>[]
        : T extends object
          ? { -readonly [K in keyof T]: Widened<T[K]> }
          : T;

/** The extras an entry's definition declares, widened to their types; none declared: `{}`. */
type DeclaredExtras<D> = D extends { readonly extras: infer E } ? Widened<E> : Record<never, never>;

export type ErrorCatalog<T extends Record<string, ErrorDefinition>> = {
  readonly [K in keyof T & string]: ErrorFactory<K, DeclaredExtras<T[K]>>;
};

/**
 * A typed catalog of an API's own errors. The keys are the machine codes, as literal types:
 *
 * ```ts
 * const AppErrors = defineErrors({ INSUFFICIENT_FUNDS: { status: 409, message: 'Unable to process request due to the lack of funds' } });
 * throw AppErrors.INSUFFICIENT_FUNDS();
 * ```
 */
export function defineErrors<const T extends Record<string, ErrorDefinition>>(definitions: T): ErrorCatalog<T> {
  const catalog: Record<string, ErrorFactory<string>> = {};
  for (const [code, definition] of Object.entries(definitions)) {
    catalog[code] = makeFactory(code, definition);
  }
  return Object.freeze(catalog) as ErrorCatalog<T>;
}

function makeFactory<C extends string>(code: C, definition: ErrorDefinition): ErrorFactory<C> {
  const factory = (first?: string | (FactoryInit & { message?: string }), second?: FactoryInit): HttpError<C> => {
    const init = typeof first === 'object' && first !== null ? first : (second ?? {});
    const message = typeof first === 'string' ? first : (init as { message?: string }).message;
    const error = new HttpError<C>(definition.status, message ?? definition.message, {
      expose: definition.expose,
      retryAfter: definition.retryAfter,
      ...init,
      headers: definition.headers || init.headers ? { ...definition.headers, ...init.headers } : undefined,
      extras: definition.extras || init.extras ? { ...definition.extras, ...init.extras } : undefined,
      code,
      numericCode: definition.numericCode,
    });
    Object.defineProperty(error, DOCUMENTED_CODE, { value: true });
    return error;
  };
  return Object.assign(factory, {
    code,
    status: definition.status,
    definition,
    is: (value: unknown): value is HttpError<C> =>
      isHttpError(value) && value.code === code && value.status === definition.status,
  }) as ErrorFactory<C>;
}
