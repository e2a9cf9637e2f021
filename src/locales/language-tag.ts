/**
 * A language tag as `Content-Language` and the `locales` option carry it (BCP 47's shape: `fr`,
 * `pt-BR`, `zh-Hant-TW`): letters, then subtags of letters and digits, each at most 8 characters.
 * Nothing else goes in a header or is matched against `Accept-Language`.
 */
const TAG = /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/;

export function isLanguageTag(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 64 && TAG.test(value);
}
