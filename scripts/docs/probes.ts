// What a page says a running snippet answers: the curl lines it shows, and the HTTP responses shown
// after them. Each curl line becomes a request to the snippet's server; each shown response is
// compared with the one received (status, the headers shown, the body shown).

/** Shell words of one command line: '…' and "…" quoting, backslash escapes, a `#` comment ends it. */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const char = line[i] as string;
    if (quote !== undefined) {
      if (char === quote) quote = undefined;
      else if (char === '\\' && quote === '"' && i + 1 < line.length) word += line[++i] as string;
      else word += char;
      continue;
    }
    if (char === "'" || char === '"') {
      quote = char;
      word ??= '';
    } else if (char === '\\' && i + 1 < line.length) {
      word = (word ?? '') + (line[++i] as string);
    } else if (/\s/.test(char)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (char === '#' && word === undefined) {
      break;
    } else {
      word = (word ?? '') + char;
    }
  }
  if (quote !== undefined) throw new Error(`unclosed ${quote} in: ${line}`);
  if (word !== undefined) words.push(word);
  return words;
}

/** One request a curl line sends. */
export interface Probe {
  readonly method: string;
  readonly url: URL;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | undefined;
  /** The curl line as the page shows it. */
  readonly shown: string;
}

/** The curl requests of a shell block (lines continued with `\` joined), in order. */
export function curlProbes(code: string): Probe[] {
  const probes: Probe[] = [];
  for (const raw of code.replace(/\\\n/g, ' ').split('\n')) {
    const line = raw.trim().replace(/^\$\s*/, '');
    if (!/^curl\s/.test(line)) continue;
    const words = shellWords(line).slice(1);
    let method: string | undefined;
    let url: string | undefined;
    let body: string | undefined;
    const headers: Record<string, string> = {};
    for (let i = 0; i < words.length; i++) {
      const word = words[i] as string;
      const value = (): string => {
        const next = words[++i];
        if (next === undefined) throw new Error(`${word} needs a value: ${line}`);
        return next;
      };
      if (word === '-X' || word === '--request') method = value();
      else if (word === '-H' || word === '--header') {
        const header = value();
        const colon = header.indexOf(':');
        headers[header.slice(0, colon).trim().toLowerCase()] = header.slice(colon + 1).trim();
      } else if (word === '-d' || word === '--data' || word === '--data-raw' || word === '--data-binary') body = value();
      else if (word === '--json') {
        body = value();
        headers['content-type'] ??= 'application/json';
        headers['accept'] ??= 'application/json';
      } else if (word === '-I' || word === '--head') method = 'HEAD';
      else if (!word.startsWith('-')) url = word;
      // Other flags (-i, -s, -S, -v) change how curl prints, not what it sends.
    }
    if (url === undefined) throw new Error(`no URL in: ${line}`);
    probes.push({ method: method ?? (body === undefined ? 'GET' : 'POST'), url: new URL(/^https?:\/\//.test(url) ? url : `http://${url}`), headers, body, shown: line });
  }
  return probes;
}

/** A response as a page shows it. */
export interface ShownResponse {
  readonly status: number;
  /** As shown, names in lower case; `…` in a value stands for anything. */
  readonly headers: readonly (readonly [string, string])[];
  /** As shown, trimmed; '' when none is shown. */
  readonly body: string;
}

/** The responses an `http` block shows, each starting with its `HTTP/1.1 <status>` line. */
export function shownResponses(code: string): ShownResponse[] {
  const responses: ShownResponse[] = [];
  let current: { status: number; headers: [string, string][] } | undefined;
  let inBody = false;
  let body: string[] = [];
  const finish = (): void => {
    if (current !== undefined) responses.push({ ...current, body: body.join('\n').trim() });
    body = [];
  };
  for (const line of code.split('\n')) {
    const status = /^HTTP\/[\d.]+\s+(\d{3})\b/.exec(line)?.[1];
    if (status !== undefined) {
      finish();
      current = { status: Number(status), headers: [] };
      inBody = false;
    } else if (current === undefined) {
      continue;
    } else if (inBody) {
      body.push(line);
    } else if (line.trim() === '') {
      inBody = true;
    } else {
      const colon = line.indexOf(':');
      current.headers.push([line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()]);
    }
  }
  finish();
  return responses;
}

/** `…` in shown text stands for anything; the rest must match exactly. */
export function matchesShown(shown: string, actual: string): boolean {
  if (!shown.includes('…')) return shown === actual;
  const pattern = shown
    .split('…')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[\\s\\S]*');
  return new RegExp(`^${pattern}$`).test(actual);
}

/** A response received from a running snippet. */
export interface Received {
  readonly status: number;
  readonly headers: Headers;
  readonly body: string;
}

/** What differs between a shown response and a received one; empty when they agree. */
export function differences(shown: ShownResponse, received: Received): string[] {
  const found: string[] = [];
  if (shown.status !== received.status) found.push(`status ${received.status}, the page shows ${shown.status}`);
  for (const [name, value] of shown.headers) {
    const actual = received.headers.get(name);
    if (actual === null) found.push(`no ${name} header, the page shows "${value}"`);
    else if (!matchesShown(value, actual)) found.push(`${name}: "${actual}", the page shows "${value}"`);
  }
  if (shown.body !== '' && !matchesShown(shown.body, received.body.trim())) {
    found.push(`body ${received.body.trim()}\n       the page shows ${shown.body}`);
  }
  return found;
}
