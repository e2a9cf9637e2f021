import { prettyBody, sampleNote, shownHeaders } from './example-text.js';
import type { CodeEntry, CodeLink, ErrorReference, ReferenceExample } from './reference-model.js';

function head(title: string): string[] {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escape(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
  ];
}

/**
 * A standalone HTML page: no script, no external resource, every piece of text escaped. Each
 * documented code's article has its slug as id, so a problem `type` of `typeBase` + slug (a base
 * ending with `#`) lands on it.
 */
export function referenceHtml(reference: ErrorReference): string {
  const out: string[] = [];
  out.push(
    ...head(reference.title),
    `<h1>${escape(reference.title)}</h1>`,
    `<p>Every error response has a status from 400 to 599, a JSON body (<code>${escape(reference.mediaType)}</code>) in the <code>${escape(reference.envelope)}</code> style` +
      `${reference.preset === undefined ? '' : ` (preset <code>${escape(reference.preset)}</code>)`}, and <code>Cache-Control: no-store</code>.</p>`,
  );

  out.push('<section id="statuses">', '<h2>HTTP status codes</h2>', '<table>', '<thead><tr><th>Status</th><th>Text</th><th>Description</th></tr></thead>', '<tbody>');
  for (const entry of reference.statuses) {
    out.push(`<tr><td><a href="#status-${entry.status}">${entry.status}</a></td><td>${escape(entry.text)}</td><td>${escape(entry.description)}</td></tr>`);
  }
  out.push('</tbody>', '</table>', '</section>');

  if (reference.codes.length > 0) {
    out.push('<section id="codes">', '<h2>Error codes</h2>', '<table>', '<thead><tr><th>Code</th><th>HTTP status</th><th>Description</th></tr></thead>', '<tbody>');
    for (const entry of reference.codes) {
      out.push(`<tr><td><a href="#${entry.slug}"><code>${escape(entry.code)}</code></a></td><td>${entry.status}</td><td>${escape(entry.description)}</td></tr>`);
    }
    out.push('</tbody>', '</table>');
    for (const entry of reference.codes) out.push(`<article id="${entry.slug}">`, ...codeBody(reference, entry, 'h3'), '</article>');
    out.push('</section>');
  }

  out.push('<section id="examples">', '<h2>Example bodies by status</h2>');
  for (const entry of reference.statuses) {
    out.push(`<article id="status-${entry.status}">`);
    // A default code the options configure is documented with its status: its anchor is here.
    if (entry.defaultCode !== undefined) out.push(`<a id="${entry.defaultCode.slug}"></a>`);
    out.push(`<h3>${entry.status} ${escape(entry.text)}</h3>`);
    if (entry.defaultCode !== undefined) out.push(`<p>Code <code>${escape(entry.defaultCode.code)}</code>.</p>`, ...typeLine(entry.defaultCode));
    out.push(...example(reference, entry.example), '</article>');
  }
  out.push('</section>');

  out.push('<section id="retry">', '<h2>Retry guidance</h2>', '<table>', '<thead><tr><th>Status</th><th>Retry</th><th>What to do</th></tr></thead>', '<tbody>');
  for (const entry of reference.statuses) {
    out.push(`<tr><td>${entry.status} ${escape(entry.text)}</td><td>${entry.retry.retry ? 'Yes' : 'No'}</td><td>${escape(entry.retry.advice)}</td></tr>`);
  }
  out.push('</tbody>', '</table>', '</section>', '</main>', '</body>', '</html>', '');
  return out.join('\n');
}

function codeBody(reference: ErrorReference, entry: CodeEntry, heading: 'h1' | 'h3'): string[] {
  const out = [`<${heading}><code>${escape(entry.code)}</code></${heading}>`];
  out.push(`<p><strong>${entry.status} ${escape(entry.text)}</strong>: ${escape(entry.description)}</p>`, ...typeLine(entry));
  if (entry.causes.length > 0) {
    out.push('<table>', '<thead><tr><th>Cause</th><th>Solution</th></tr></thead>', '<tbody>');
    for (const { cause, solution } of entry.causes) out.push(`<tr><td>${escape(cause)}</td><td>${escape(solution)}</td></tr>`);
    out.push('</tbody>', '</table>');
  }
  out.push(...example(reference, entry.example));
  return out;
}

/**
 * A page of its own for one documented code, for a `typeBase` ending with `/`: the file
 * `<slug>.html`, which static hosts with clean URLs (GitHub Pages, Netlify, Cloudflare Pages)
 * serve at `typeBase` + slug.
 */
export function codePageHtml(reference: ErrorReference, entry: CodeEntry): string {
  return [
    ...head(`${entry.code}: ${reference.title}`),
    ...codeBody(reference, entry, 'h1'),
    `<p>Every error of this API: <a href="./">${escape(reference.title)}</a>.</p>`,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function typeLine(link: CodeLink): string[] {
  return link.typeUri === undefined ? [] : [`<p>Problem type: <code>${escape(link.typeUri)}</code></p>`];
}

function example(reference: ErrorReference, value: ReferenceExample): string[] {
  const lines: string[] = [];
  const note = sampleNote(value);
  const headers = shownHeaders(reference, value);
  if (note !== undefined) lines.push(`<p>Example (${escape(note)}):</p>`);
  if (headers.length > 0) lines.push(`<pre class="headers"><code>${escape(headers.join('\n'))}</code></pre>`);
  lines.push(`<pre class="body"><code class="language-json">${escape(prettyBody(value))}</code></pre>`);
  return lines;
}

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text and attribute values: the five characters HTML gives meaning to. */
export function escape(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ENTITIES[char] as string);
}


const STYLE = [
  'body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1b1b1b}',
  'main{max-width:60rem;margin:0 auto;padding:1rem 1.5rem}',
  'table{border-collapse:collapse;width:100%;margin:1rem 0}',
  'th,td{border:1px solid #d0d0d0;padding:.35rem .6rem;text-align:left;vertical-align:top}',
  'pre{background:#f5f5f5;padding:.75rem;overflow:auto}',
  'code{font-family:ui-monospace,monospace}',
].join('');

/** The ids of the page's sections (a code's slug never takes one: the reference refuses it). */
export const SECTIONS = { statuses: 'statuses', codes: 'codes', examples: 'examples', retry: 'retry' } as const;
