import type { RequestFacts } from '../request-facts.js';
import { lookupLanguage } from './accept-language.js';

const MEMO_SIZE = 256;
const MEMO_KEY_LENGTH = 256;

/** One language's messages, by machine code (`NOT_FOUND`) or status (`404`). */
export type LocaleMessages = Readonly<Record<string, string>>;

/** The `locales` option: messages by language tag, `{ fr: { NOT_FOUND: 'Ressource introuvable' } }`. */
export type LocalesOption = Readonly<Record<string, LocaleMessages>>;

/** One language an error can be answered in. */
export interface Locale {
  /** The tag as configured: what `Content-Language` says. */
  readonly tag: string;
  /** Its place in `Locales.all`: cached responses are kept per language. */
  readonly index: number;
  readonly messages: ReadonlyMap<string, string>;
  /** The render context of a request in this language without a trace id, made once, not per error. */
  readonly context: { readonly locale: Locale };
}

/** The `locales` and `defaultLocale` options, resolved once per handler. */
export interface Locales {
  /** The language when `Accept-Language` matches none: `defaultLocale`, first in `all`. */
  readonly fallback: Locale;
  readonly all: readonly Locale[];
  /** The request's language, from its `Accept-Language` (RFC 4647 lookup with q-values). */
  choose(request: RequestFacts | undefined): Locale;
}

/**
 * The languages of a handler: each configured one, plus the default language (faultline's own
 * English texts and the `messages` option, unless `locales` has messages for it too).
 */
export function resolveLocales(option: LocalesOption, defaultTag: string): Locales {
  const byLowerTag = new Map<string, Locale>();
  const add = (tag: string, messages: LocaleMessages | undefined): void => {
    const lower = tag.toLowerCase();
    const known = byLowerTag.get(lower);
    const merged = new Map(known?.messages);
    for (const [key, message] of Object.entries(messages ?? {})) merged.set(key, message);
    const locale: { tag: string; index: number; messages: Map<string, string>; context: { locale: Locale } } = {
      tag: known?.tag ?? tag,
      index: known?.index ?? byLowerTag.size,
      messages: merged,
      context: undefined as never,
    };
    locale.context = Object.freeze({ locale });
    byLowerTag.set(lower, locale);
  };
  add(defaultTag, undefined);
  for (const [tag, messages] of Object.entries(option)) add(tag, messages);
  const all = [...byLowerTag.values()];
  const fallback = all[0] as Locale;
  // Clients send the same few headers over and over (a browser's is fixed): each is parsed once.
  // Bounded, as the header is the client's: a flood of distinct ones only empties the memo.
  const memo = new Map<string, Locale>();
  return {
    fallback,
    all,
    choose(request) {
      const header = request?.header?.('accept-language');
      if (header === undefined || header === '') return fallback;
      let locale = memo.get(header);
      if (locale === undefined) {
        locale = lookupLanguage(header, byLowerTag) ?? fallback;
        if (header.length > MEMO_KEY_LENGTH) return locale;
        if (memo.size >= MEMO_SIZE) memo.clear();
        memo.set(header, locale);
      }
      return locale;
    },
  };
}
