import type { PublicFault } from '../envelopes/envelope.js';
import type { Locale } from './locales.js';

/**
 * The fault's message in the request's language. A translation by machine code replaces the
 * message whatever it is (the code says what happened: `INSUFFICIENT_FUNDS` reads the same in every
 * language). A translation by status replaces only the default message (the reason phrase or the
 * `messages` option's text), never words a route wrote itself. Titles (reason phrases) stay: they
 * come from the status catalog.
 */
export function translated(shown: PublicFault, locale: Locale, defaultMessage: string): PublicFault {
  const { messages } = locale;
  if (messages.size === 0) return shown;
  const byCode = messages.get(shown.code);
  const message = byCode ?? (shown.message === defaultMessage ? messages.get(String(shown.status)) : undefined);
  return message === undefined || message === shown.message ? shown : { ...shown, message };
}
