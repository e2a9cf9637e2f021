/**
 * One option's rule: what it allows, in the words the error message uses, and the check. A check
 * answers `true` for an allowed value, `false` for one the description rules out, or a note on what
 * is wrong where the description alone would not say (`key "abc" is not a status`).
 */
export interface Rule {
  readonly allowed: string;
  check(value: unknown): boolean | string;
}

/** A value as an error message shows it: short, one line, never a getter's result. */
export function describeValue(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
    case 'number':
    case 'boolean':
    case 'bigint':
    case 'undefined':
      return `${String(value)} (a ${typeof value})`;
    case 'symbol':
      return 'a symbol';
    case 'function':
      return 'a function';
    default:
      if (value === null) return 'null';
      return Array.isArray(value) ? 'an array' : 'an object';
  }
}

export const isBoolean: Rule = { allowed: 'true or false', check: (v) => typeof v === 'boolean' };
export const isFunction: Rule = { allowed: 'a function', check: (v) => typeof v === 'function' };
export const isString: Rule = { allowed: 'a string', check: (v) => typeof v === 'string' };

/** One of a few literals: `'draft-8' | 'draft-7' | false`. */
export function oneOf(values: readonly unknown[]): Rule {
  const shown = values.map((v) => (typeof v === 'string' ? JSON.stringify(v) : String(v)));
  return {
    allowed: shown.length > 1 ? `${shown.slice(0, -1).join(', ')} or ${shown.at(-1) as string}` : (shown[0] ?? 'nothing'),
    check: (v) => values.includes(v),
  };
}

/** A finite number within bounds, an integer if asked. */
export function numberIn(min: number, max: number, integer = false): Rule {
  return {
    allowed: `${integer ? 'an integer' : 'a number'} from ${min} to ${max}`,
    check: (v) => typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max && (!integer || Number.isInteger(v)),
  };
}

/** Any of several rules: `a string or false`. */
export function either(...rules: readonly Rule[]): Rule {
  return { allowed: rules.map((r) => r.allowed).join(' or '), check: (v) => rules.some((r) => r.check(v) === true) };
}

/** An array whose every item passes `item`. */
export function arrayOf(item: Rule, allowed: string): Rule {
  return {
    allowed,
    check(v) {
      if (!Array.isArray(v)) return false;
      for (let i = 0; i < v.length; i++) {
        if (item.check(v[i]) !== true) return `item ${i} is ${describeValue(v[i])}, not ${item.allowed}`;
      }
      return true;
    },
  };
}

/** A plain object whose keys pass `key` and values pass `value`: `{ 500: 'Try later' }`. */
export function recordOf(key: Rule, value: Rule, allowed: string): Rule {
  return {
    allowed,
    check(v) {
      if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
      for (const [k, item] of Object.entries(v)) {
        if (key.check(k) !== true) return `key ${JSON.stringify(k)} is not ${key.allowed}`;
        if (value.check(item) !== true) return `${JSON.stringify(k)} is ${describeValue(item)}, not ${value.allowed}`;
      }
      return true;
    },
  };
}

/** A test of its own, with its description. */
export function satisfies(allowed: string, test: (value: unknown) => boolean): Rule {
  return { allowed, check: test };
}
