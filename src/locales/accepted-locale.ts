import { lookupLanguage } from './accept-language.js';

/**
 * (`faultline/kit`) The language of `available` an `Accept-Language` header asks for, chosen as faultline chooses
 * the language of an error's messages (RFC 4647 lookup with q-values: `fr-CA` finds `fr`), or
 * undefined when none matches. For translating what faultline does not write itself, in the same
 * language: ajv's messages with ajv-i18n, zod's with its locales.
 *
 * ```ts
 * const lang = acceptedLocale(req.get('accept-language'), ['fr', 'de']) ?? 'en';
 * ```
 */
export function acceptedLocale<const T extends string>(acceptLanguage: string | undefined, available: readonly T[]): T | undefined {
  const byLowerTag = new Map<string, T>();
  for (const tag of available) if (typeof tag === 'string') byLowerTag.set(tag.toLowerCase(), tag);
  return lookupLanguage(acceptLanguage, byLowerTag);
}
