import { SECTIONS } from '../../cli/reference/html.js';

/** What a generated reference page states, read back from the page itself (Markdown or HTML). */
export interface PageFacts {
  readonly statuses: Map<number, { text: string; description: string }>;
  readonly codes: Map<string, { status: number; description: string }>;
  /** The example body under each code's heading, parsed. */
  readonly codeExamples: Map<string, unknown>;
  readonly statusExamples: Map<number, unknown>;
  /** The headers shown with each example (`Retry-After: 60`), by code or status. */
  readonly exampleHeaders: Map<string, string[]>;
  readonly retry: Map<number, { retry: boolean; advice: string }>;
}

// ---------------------------------------------------------------- Markdown

function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  if (start < 0) return '';
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end < 0 ? undefined : end);
}

// A GFM table row: cells split on pipes that are not escaped, then CommonMark backslash escapes undone.
function rows(text: string): string[][] {
  return text
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|(-+\|)+$/.test(line))
    .slice(1)
    .map((line) => line.slice(1, -1).split(/(?<!\\)\|/).map((cell) => unescapeMarkdown(cell.trim())));
}

function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

function codeSpan(cell: string): string {
  return cell.replace(/^`(.*)`$/, '$1');
}

/** `### heading` → the fenced blocks under it, by language. */
function blocksUnder(text: string): Map<string, { json?: string; http?: string }> {
  const blocks = new Map<string, { json?: string; http?: string }>();
  for (const part of text.split(/\n### /).slice(1)) {
    const heading = part.slice(0, part.indexOf('\n'));
    const found: { json?: string; http?: string } = {};
    for (const match of part.matchAll(/^(`{3,})(json|http)\n([\s\S]*?)\n\1$/gm)) found[match[2] as 'json' | 'http'] = match[3];
    blocks.set(heading, found);
  }
  return blocks;
}

export function markdownFacts(markdown: string): PageFacts {
  const facts = emptyFacts();
  for (const [status, text, description] of rows(section(markdown, 'HTTP status codes'))) {
    facts.statuses.set(Number(status), { text: text as string, description: description as string });
  }
  const codes = section(markdown, 'Error codes');
  for (const [code, status, description] of rows(codes.split('\n### ')[0] as string)) {
    facts.codes.set(codeSpan(code as string), { status: Number(status), description: description as string });
  }
  for (const [heading, found] of blocksUnder(codes)) {
    const code = codeSpan(unescapeMarkdown(heading));
    if (found.json !== undefined) facts.codeExamples.set(code, JSON.parse(found.json));
    facts.exampleHeaders.set(code, found.http?.split('\n') ?? []);
  }
  for (const [heading, found] of blocksUnder(section(markdown, 'Example bodies by status'))) {
    const status = Number(heading.slice(0, 3));
    if (found.json !== undefined) facts.statusExamples.set(status, JSON.parse(found.json));
    facts.exampleHeaders.set(String(status), found.http?.split('\n') ?? []);
  }
  for (const [status, retry, advice] of rows(section(markdown, 'Retry guidance'))) {
    facts.retry.set(Number((status as string).slice(0, 3)), { retry: retry === 'Yes', advice: advice as string });
  }
  return facts;
}

// ---------------------------------------------------------------- HTML

export function unescapeHtml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

function htmlSection(html: string, id: string): string {
  const start = html.indexOf(`<section id="${id}">`);
  return start < 0 ? '' : html.slice(start, html.indexOf('</section>', start));
}

function cells(row: string): string[] {
  return [...row.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((m) => unescapeHtml((m[1] as string).replace(/<[^>]+>/g, '')));
}

function articles(text: string): Map<string, { json?: string; http?: string }> {
  const found = new Map<string, { json?: string; http?: string }>();
  for (const match of text.matchAll(/<article id="([^"]+)">([\s\S]*?)<\/article>/g)) {
    const body = match[2] as string;
    const json = body.match(/<code class="language-json">([\s\S]*?)<\/code>/)?.[1];
    const http = body.match(/<pre class="headers"><code>([\s\S]*?)<\/code>/)?.[1];
    found.set(match[1] as string, {
      ...(json === undefined ? {} : { json: unescapeHtml(json) }),
      ...(http === undefined ? {} : { http: unescapeHtml(http) }),
    });
  }
  return found;
}

export function htmlFacts(html: string): PageFacts {
  const facts = emptyFacts();
  for (const row of htmlSection(html, SECTIONS.statuses).split('<tr>').slice(2)) {
    const [status, text, description] = cells(row);
    facts.statuses.set(Number(status), { text: text as string, description: description as string });
  }
  const codes = htmlSection(html, SECTIONS.codes);
  const codeTable = codes.slice(0, codes.indexOf('</table>'));
  for (const row of codeTable.split('<tr>').slice(2)) {
    const [code, status, description] = cells(row);
    facts.codes.set(code as string, { status: Number(status), description: description as string });
  }
  for (const [id, found] of articles(codes)) {
    const heading = codes.slice(codes.indexOf(`<article id="${id}">`)).match(/<h3><code>([\s\S]*?)<\/code><\/h3>/)?.[1] as string;
    const code = unescapeHtml(heading);
    if (found.json !== undefined) facts.codeExamples.set(code, JSON.parse(found.json));
    facts.exampleHeaders.set(code, found.http?.split('\n') ?? []);
  }
  for (const [id, found] of articles(htmlSection(html, SECTIONS.examples))) {
    const status = Number(id.replace(/^\D+/, ''));
    if (found.json !== undefined) facts.statusExamples.set(status, JSON.parse(found.json));
    facts.exampleHeaders.set(String(status), found.http?.split('\n') ?? []);
  }
  for (const row of htmlSection(html, SECTIONS.retry).split('<tr>').slice(2)) {
    const [status, retry, advice] = cells(row);
    facts.retry.set(Number((status as string).slice(0, 3)), { retry: retry === 'Yes', advice: advice as string });
  }
  return facts;
}

function emptyFacts(): PageFacts {
  return { statuses: new Map(), codes: new Map(), codeExamples: new Map(), statusExamples: new Map(), exampleHeaders: new Map(), retry: new Map() };
}

// ---------------------------------------------------------------- HTML well-formedness

const VOID = new Set(['meta', 'link', 'br', 'hr', 'img', 'input']);

// The elements a reference page is made of: anything else (a `<script>`, a `<b>`) came from text
// that was not escaped.
const ELEMENTS = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'main', 'section', 'article', 'h1', 'h2', 'h3', 'p', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'a', 'code', 'pre', 'strong']);

/**
 * The ways a page is not a well-formed standalone HTML document: a doctype first, one html element
 * with head (charset, title) and body, every element closed in order, attributes quoted, only the
 * elements the generator writes, and text free of raw `<`, `>` and bare `&` (everything escaped).
 * Empty when it is well formed.
 */
export function htmlProblems(html: string): string[] {
  const problems: string[] = [];
  if (!html.startsWith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">')) problems.push('no doctype, html, head and charset first');
  if (!/<title>[^<]+<\/title>/.test(html)) problems.push('no title');
  const stack: string[] = [];
  const tag = /<(\/?)([a-z][a-z0-9]*)((?:\s+[a-z-]+="[^"<>]*")*)\s*>|<!DOCTYPE html>/g;
  let last = 0;
  for (const match of html.matchAll(tag)) {
    const text = html.slice(last, match.index);
    if (!/^style$/.test(stack.at(-1) ?? '')) checkText(text, problems);
    last = match.index + match[0].length;
    if (match[0] === '<!DOCTYPE html>') {
      if (match.index !== 0) problems.push('doctype not first');
      continue;
    }
    const [, closing, name] = match as unknown as [string, string, string];
    if (!ELEMENTS.has(name)) problems.push(`an element a reference page does not have: <${name}>`);
    if (closing === '/') {
      const open = stack.pop();
      if (open !== name) problems.push(`</${name}> closes <${open ?? 'nothing'}>`);
    } else if (!VOID.has(name)) {
      stack.push(name);
    }
  }
  checkText(html.slice(last), problems);
  if (stack.length > 0) problems.push(`unclosed: ${stack.join(' > ')}`);
  const stray = html.replace(tag, '').match(/<[^\s]/);
  if (stray) problems.push(`a "<" that is not a tag: ${stray[0]}`);
  return problems;
}

function checkText(text: string, problems: string[]): void {
  if (/[<>]/.test(text.replace(/<[^>]*>/g, ''))) problems.push(`raw < or > in text: ${text.slice(0, 60)}`);
  const bare = text.match(/&(?!(amp|lt|gt|quot|#39);)/);
  if (bare) problems.push(`bare & in text: ${text.slice(0, 60)}`);
}
