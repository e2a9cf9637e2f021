import { codeSlug } from '../errors/code-slug.js';
import type { PublicFault } from '../envelopes/envelope.js';
import type { Fault } from '../fault/fault.js';
import type { Settings } from '../options.js';
import type { RequestFacts } from '../request-facts.js';

const MAX_INSTANCE = 2048;
// Whitespace and control characters: an instance is a URI reference, and never splits a log line.
// oxlint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\x00-\x20\x7f]/;

/**
 * The code the app documents, when the fault shows one: a catalog entry's own code (not replaced
 * by a hidden 5xx's default), or a default code the app configured (`codes: { 429: 'RATE_LIMITED' }`,
 * a preset's). Built-in defaults (`NOT_FOUND`) and codes thrown ad hoc are documented nowhere.
 */
export function documentedCode(fault: Fault, shown: PublicFault, settings: Settings): string | undefined {
  if (fault.documented === true && shown.code === fault.code) return shown.code;
  if (shown.defaultCode && settings.codes.get(shown.status) === shown.code) return shown.code;
  return undefined;
}

/**
 * The shown fault with problem details' `type` (`typeBase` + the documented code's slug) and
 * `instance` (the request's path, or what the app's function answers) when the options ask for
 * them; the same object when they do not. A function that throws, or answers anything but a short
 * string without whitespace or control characters, gives no `instance`.
 */
export function withProblemLinks(shown: PublicFault, fault: Fault, settings: Settings, request: RequestFacts | undefined): PublicFault {
  const { typeBase, instance } = settings;
  if (typeBase === undefined && instance === undefined) return shown;
  const code = typeBase === undefined ? undefined : documentedCode(fault, shown, settings);
  const type = code === undefined ? undefined : `${typeBase}${codeSlug(code)}`;
  const occurrence = request === undefined ? undefined : instanceOf(instance, request);
  if (type === undefined && occurrence === undefined) return shown;
  return { ...shown, ...(type === undefined ? {} : { type }), ...(occurrence === undefined ? {} : { instance: occurrence }) };
}

function instanceOf(option: Settings['instance'], request: RequestFacts): string | undefined {
  if (option === undefined) return undefined;
  let value: unknown;
  try {
    value = option === 'path' ? request.path : option(request);
  } catch {
    return undefined;
  }
  return typeof value === 'string' && value !== '' && value.length <= MAX_INSTANCE && !UNSAFE.test(value) ? value : undefined;
}
