// Rules more than one entry point's options share. Nothing here imports the rest of the core: the
// client entry point (faultline/client) uses them too.
import { satisfies, type Rule } from './rule.js';

export const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object';

export const nonEmptyString = /* @__PURE__ */ satisfies('a non-empty string', (v) => typeof v === 'string' && v.trim() !== '');
export const nonNegativeInteger = /* @__PURE__ */ satisfies('an integer, 0 or more', (v) => Number.isSafeInteger(v) && (v as number) >= 0);
export const positiveInteger = /* @__PURE__ */ satisfies('an integer, 1 or more', (v) => Number.isSafeInteger(v) && (v as number) >= 1);
export const nonNegativeNumber = /* @__PURE__ */ satisfies('a number, 0 or more', (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0);
export const positiveNumber = /* @__PURE__ */ satisfies('a number above 0', (v) => typeof v === 'number' && Number.isFinite(v) && v > 0);
/** A plain JSON object (a JSON Schema, an OpenAPI object), not an array. */
export const plainObject = /* @__PURE__ */ satisfies('an object', (v) => isObject(v) && !Array.isArray(v));

/**
 * An instance that has `method`, with a note for the common slip of passing the class itself
 * (`limiter: RateLimiterMemory`, `ajv: Ajv`): "pass an instance".
 */
export function instanceWith(method: string, allowed: string): Rule {
  return {
    allowed,
    check(v) {
      if (typeof v === 'function' && typeof (v as { prototype?: Record<string, unknown> }).prototype?.[method] === 'function') {
        return `it is a class; pass an instance (new ${(v as { name?: string }).name || 'Class'}(…))`;
      }
      return isObject(v) && typeof v[method] === 'function';
    },
  };
}
