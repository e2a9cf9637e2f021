// Text that reaches a log line may come from a client (a path, a message that echoes a parameter,
// a request id): a CR or LF in it would let them forge a second log line. Every such string goes
// through `logText` before a logger sees it.

/** Longest string faultline puts in one log field; a 1 MB path must not become a 1 MB line. */
export const MAX_LOG_TEXT = 2048;

// C0 controls (CR, LF, TAB …), DEL, C1 controls (NEL is U+0085), and the Unicode line and
// paragraph separators, which some viewers also break lines on.
// oxlint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

const NAMED: Readonly<Record<string, string>> = { '\r': '\\r', '\n': '\\n', '\t': '\\t' };

function escapeChar(char: string): string {
  return NAMED[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * One log line's worth of `value`: control characters and line separators escaped (`\r`, `\n`,
 * `\u0085` as visible text, so nothing is lost), then cut at `max` characters.
 */
export function logText(value: string, max: number = MAX_LOG_TEXT): string {
  const cut = value.length > max ? `${value.slice(0, max)}…` : value;
  return cut.replace(UNSAFE, escapeChar);
}
