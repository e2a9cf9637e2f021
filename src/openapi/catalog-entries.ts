import type { ErrorDefinition, ErrorFactory } from '../errors/define-errors.js';

/**
 * A `defineErrors` factory, by its shape: a factory made by another copy of faultline (the user's
 * installed one, loaded by the docs CLI) is as good as one made by this copy.
 */
export type ErrorFactoryLike = Pick<ErrorFactory<string>, 'code' | 'status' | 'definition'> & (() => unknown);

/** A catalog (`defineErrors(...)`), one factory, or a list of either. */
export type ErrorCatalogInput =
  | ErrorFactoryLike
  | Readonly<Record<string, ErrorFactoryLike>>
  | readonly (ErrorFactoryLike | Readonly<Record<string, ErrorFactoryLike>>)[];

/** True for a `defineErrors` factory of any copy of faultline. */
export function isErrorFactory(value: unknown): value is ErrorFactoryLike {
  if (typeof value !== 'function') return false;
  const candidate = value as unknown as Partial<Record<keyof ErrorFactory<string>, unknown>>;
  return (
    typeof candidate.code === 'string' &&
    typeof candidate.status === 'number' &&
    typeof candidate.definition === 'object' &&
    candidate.definition !== null &&
    typeof (candidate.definition as ErrorDefinition).status === 'number' &&
    typeof candidate.is === 'function'
  );
}

/** True for a catalog: an object whose values are all factories (and at least one). */
export function isErrorCatalog(value: unknown): value is Readonly<Record<string, ErrorFactoryLike>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const values = Object.values(value);
  return values.length > 0 && values.every(isErrorFactory);
}

/**
 * Every factory of the input, once each, in the order given. Two different entries with one code
 * are a mistake the docs would hide (one would shadow the other), so they throw here.
 */
export function catalogEntries(input: ErrorCatalogInput): ErrorFactoryLike[] {
  const parts = Array.isArray(input) ? (input as readonly unknown[]) : [input];
  const byCode = new Map<string, ErrorFactoryLike>();
  for (const part of parts) {
    const factories = isErrorFactory(part) ? [part] : isErrorCatalog(part) ? Object.values(part) : undefined;
    if (factories === undefined) throw new TypeError('faultline: expected a defineErrors() catalog, one of its factories, or a list of them');
    for (const factory of factories) {
      const known = byCode.get(factory.code);
      if (known === undefined) byCode.set(factory.code, factory);
      else if (known !== factory && (known.status !== factory.status || known.definition.message !== factory.definition.message)) {
        throw new TypeError(`faultline: two different errors share the code "${factory.code}" (${known.status} and ${factory.status})`);
      }
    }
  }
  return [...byCode.values()];
}
