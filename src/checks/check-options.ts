import { didYouMean } from './did-you-mean.js';
import { describeValue, type Rule } from './rule.js';

/** The rules of one entry point's options, one per option name: a new option cannot go unchecked. */
export type OptionRules<T> = { readonly [K in keyof Required<T>]: Rule };

/**
 * Checks an options object when a handler is made, for JavaScript users as much as TypeScript
 * ones: an unknown key (with the known name it most likely meant) or a value its rule does not
 * allow throws one `TypeError` naming the option, the value and what is allowed. `where` names
 * the entry point for options other than the handler's own (`validate()`, `rateLimit()`); `noun`
 * what the keys are when they are not options (`validate()`'s schema parts).
 * `undefined` is always allowed: it means "the default".
 */
export function checkOptions<T>(options: unknown, rules: OptionRules<T>, where?: string, noun = 'option'): void {
  if (options === undefined) return;
  const subject = where === undefined ? noun : `${where} ${noun}`;
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(`faultline: ${subject}s must be an object, not ${describeValue(options)}`);
  }
  const known = Object.keys(rules);
  for (const key of Object.keys(options)) {
    const rule = (rules as Readonly<Record<string, Rule | undefined>>)[key];
    if (rule === undefined) {
      const guess = didYouMean(key, known);
      const hint = guess === undefined ? '' : ` (did you mean ${JSON.stringify(guess)}?)`;
      throw new TypeError(`faultline: unknown ${subject} ${JSON.stringify(key)}${hint}; the ${noun}s are ${known.join(', ')}`);
    }
    const value = (options as Record<string, unknown>)[key];
    if (value === undefined) continue;
    checkValue(value, rule, `${subject} ${JSON.stringify(key)}`);
  }
}

/**
 * Checks one argument (`@Envelope(style)`, `map(matcher, target)`): throws one `TypeError` naming
 * it, the value and what is allowed.
 */
export function checkValue(value: unknown, rule: Rule, label: string): void {
  const verdict = rule.check(value);
  if (verdict === true) return;
  const detail = verdict === false ? `is ${describeValue(value)}` : `is invalid: ${verdict}`;
  throw new TypeError(`faultline: ${label} ${detail}; allowed: ${rule.allowed}`);
}
