import { prettyBody, sampleNote, shownHeaders } from './example-text.js';
import type { ErrorReference, ReferenceExample } from './reference-model.js';

/**
 * A standalone HTML page: no script, no external resource, every piece of text escaped. Each code's
 * entry has the code in kebab case as its id (`#insufficient-funds`), so a problem `type` URI of a
 * base and that slug resolves to it; the page's own ids hold an underscore, which a slug never does.
 */
export function referenceHtml(reference: ErrorReference): string {
  const out: string[] = [];
  out.push(
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escape(reference.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${escape(reference.title)}</h1>`,
    `<p>Every error response has a status from 400 to 599, a JSON body (<code>${escape(reference.mediaType)}</code>) in the <code>${escape(reference.envelope)}</code> style` +
      `${reference.preset === undefined ? '' : ` (preset <code>${escape(reference.preset)}</code>)`}, and <code>Cache-Control: no-store</code>.</p>`,
  );

  out.push(`<section id="${SECTIONS.statuses}">`, '<h2>HTTP status codes</h2>', '<table>', '<thead><tr><th>Status</th><th>Text</th><th>Description</th></tr></thead>', '<tbody>');
  for (const entry of reference.statuses) {
    out.push(`<tr><td><a href="#${statusAnchor(entry.status)}">${entry.status}</a></td><td>${escape(entry.text)}</td><td>${escape(entry.description)}</td></tr>`);
  }
  out.push('</tbody>', '</table>', '</section>');

  if (reference.codes.length > 0) {
    out.push(`<section id="${SECTIONS.codes}">`, '<h2>Error codes</h2>', '<table>', '<thead><tr><th>Code</th><th>HTTP status</th><th>Description</th></tr></thead>', '<tbody>');
    for (const entry of reference.codes) {
      out.push(`<tr><td><a href="#${escape(entry.anchor)}"><code>${escape(entry.code)}</code></a></td><td>${entry.status}</td><td>${escape(entry.description)}</td></tr>`);
    }
    out.push('</tbody>', '</table>');
    for (const entry of reference.codes) {
      out.push(`<article id="${escape(entry.anchor)}">`, `<h3><code>${escape(entry.code)}</code></h3>`);
      out.push(`<p><strong>${entry.status} ${escape(entry.text)}</strong>: ${escape(entry.description)}</p>`);
      if (entry.causes.length > 0) {
        out.push('<table>', '<thead><tr><th>Cause</th><th>Solution</th></tr></thead>', '<tbody>');
        for (const { cause, solution } of entry.causes) out.push(`<tr><td>${escape(cause)}</td><td>${escape(solution)}</td></tr>`);
        out.push('</tbody>', '</table>');
      }
      out.push(...example(reference, entry.example), '</article>');
    }
    out.push('</section>');
  }

  out.push(`<section id="${SECTIONS.examples}">`, '<h2>Example bodies by status</h2>');
  for (const entry of reference.statuses) {
    out.push(`<article id="${statusAnchor(entry.status)}">`, `<h3>${entry.status} ${escape(entry.text)}</h3>`, ...example(reference, entry.example), '</article>');
  }
  out.push('</section>');

  out.push(`<section id="${SECTIONS.retry}">`, '<h2>Retry guidance</h2>', '<table>', '<thead><tr><th>Status</th><th>Retry</th><th>What to do</th></tr></thead>', '<tbody>');
  for (const entry of reference.statuses) {
    out.push(`<tr><td>${entry.status} ${escape(entry.text)}</td><td>${entry.retry.retry ? 'Yes' : 'No'}</td><td>${escape(entry.retry.advice)}</td></tr>`);
  }
  out.push('</tbody>', '</table>', '</section>', '</main>', '</body>', '</html>', '');
  return out.join('\n');
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

/** The ids of the page's sections. */
export const SECTIONS = { statuses: 'http_statuses', codes: 'error_codes', examples: 'example_bodies', retry: 'retry_guidance' } as const;

/** The id of a status's example: `status_404`. */
export function statusAnchor(status: number): string {
  return `status_${status}`;
}

const STYLE = [
  'body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1b1b1b}',
  'main{max-width:60rem;margin:0 auto;padding:1rem 1.5rem}',
  'table{border-collapse:collapse;width:100%;margin:1rem 0}',
  'th,td{border:1px solid #d0d0d0;padding:.35rem .6rem;text-align:left;vertical-align:top}',
  'pre{background:#f5f5f5;padding:.75rem;overflow:auto}',
  'code{font-family:ui-monospace,monospace}',
].join('');
