import { prettyBody, sampleNote, shownHeaders } from './example-text.js';
import type { CodeEntry, CodeLink, ErrorReference, ReferenceExample } from './reference-model.js';

/** GitHub-flavoured Markdown: text escaped, so a description cannot become markup or break a table. */
export function referenceMarkdown(reference: ErrorReference): string {
  const out: string[] = [];
  out.push(`# ${text(reference.title)}`, '');
  out.push(
    `Every error response has a status from 400 to 599, a JSON body (\`${reference.mediaType}\`) in the ${code(reference.envelope)} style` +
      `${reference.preset === undefined ? '' : ` (preset ${code(reference.preset)})`}, and \`Cache-Control: no-store\`.`,
    '',
  );

  out.push('## HTTP status codes', '', '| Status | Text | Description |', '|---|---|---|');
  for (const entry of reference.statuses) out.push(`| ${entry.status} | ${text(entry.text)} | ${text(entry.description)} |`);
  out.push('');

  if (reference.codes.length > 0) {
    out.push('## Error codes', '', '| Code | HTTP status | Description |', '|---|---|---|');
    for (const entry of reference.codes) out.push(`| ${code(entry.code)} | ${entry.status} | ${text(entry.description)} |`);
    out.push('');
    for (const entry of reference.codes) out.push(...codeSection(reference, entry, '###'));
  }

  out.push('## Example bodies by status', '');
  for (const entry of reference.statuses) {
    if (entry.defaultCode === undefined) {
      out.push(`### ${entry.status} ${text(entry.text)}`, '', ...example(reference, entry.example));
      continue;
    }
    out.push(anchor(entry.defaultCode), '', `### ${entry.status} ${text(entry.text)}`, '');
    out.push(`Code ${code(entry.defaultCode.code)}.`, '', ...typeLine(entry.defaultCode), ...example(reference, entry.example));
  }

  out.push('## Retry guidance', '', '| Status | Retry | What to do |', '|---|---|---|');
  for (const entry of reference.statuses) {
    out.push(`| ${entry.status} ${text(entry.text)} | ${entry.retry.retry ? 'Yes' : 'No'} | ${text(entry.retry.advice)} |`);
  }
  out.push('');
  return out.join('\n');
}

/**
 * One code's section: an anchor named by its slug first, so a problem `type` of `typeBase` + slug
 * (a base ending with `#`) lands on it; the same words as the code's own page.
 */
function codeSection(reference: ErrorReference, entry: CodeEntry, heading: string): string[] {
  const out = [anchor(entry), '', `${heading} ${code(entry.code)}`, '', `**${entry.status} ${text(entry.text)}**: ${text(entry.description)}`, ''];
  out.push(...typeLine(entry));
  if (entry.causes.length > 0) {
    out.push('| Cause | Solution |', '|---|---|');
    for (const { cause, solution } of entry.causes) out.push(`| ${text(cause)} | ${text(solution)} |`);
    out.push('');
  }
  out.push(...example(reference, entry.example));
  return out;
}

/**
 * A page of its own for one documented code, for a `typeBase` ending with `/`: the file
 * `<slug>.md` is the URI `typeBase` + slug on a docs site with clean URLs (VitePress's `cleanUrls`).
 */
export function codePageMarkdown(reference: ErrorReference, entry: CodeEntry): string {
  const [, , ...page] = codeSection(reference, entry, '#');
  return [...page, `Every error of this API: [${text(reference.title)}](./).`, ''].join('\n');
}

// A slug is [a-z0-9-] (codeSlug): safe in an attribute as it is.
function anchor(link: CodeLink): string {
  return `<a id="${link.slug}"></a>`;
}

function typeLine(link: CodeLink): string[] {
  return link.typeUri === undefined ? [] : [`Problem type: \`${link.typeUri}\``, ''];
}

function example(reference: ErrorReference, value: ReferenceExample): string[] {
  const lines: string[] = [];
  const note = sampleNote(value);
  const headers = shownHeaders(reference, value);
  if (note !== undefined) lines.push(`Example (${text(note)}):`, '');
  if (headers.length > 0) lines.push(fenced('http', headers.join('\n')), '');
  lines.push(fenced('json', prettyBody(value)), '');
  return lines;
}

// CommonMark: any ASCII punctuation may be backslash-escaped; these are the ones that make markup
// (emphasis, links, HTML, entities, code) or end a table cell. Line breaks would end a table row.
function text(value: string): string {
  return value.replace(/[\\`*_[\]<>|&#]/g, '\\$&').replace(/\r\n|\r|\n/g, ' ');
}

// A code span, unless the value holds what a code span cannot (a backtick) or a table cannot (a pipe).
function code(value: string): string {
  return /[`|\r\n]/.test(value) ? text(value) : `\`${value}\``;
}

// The fence is longer than any backtick run inside, so nothing in the body can close it.
function fenced(language: string, body: string): string {
  const longest = Math.max(2, ...[...body.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language}\n${body}\n${fence}`;
}
