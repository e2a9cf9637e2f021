/// <reference types="node" />
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { run } from '../../cli/run.js';

/** The catalog the site documents: the example pins API's (`npm start`). */
export const EXAMPLE_CATALOG = 'examples/pins/errors.ts';
export const EXAMPLE_TITLE = 'Error reference: the example pins API';

/**
 * The example API's error reference, as `faultline docs` writes it: the Markdown page for the site
 * (`page`, wrapped so VitePress shows it as written) and the standalone HTML page as a static asset
 * (`html`), whose code anchors are where a problem `type` URI under it points.
 */
export async function generateErrorReference(root: string, files: { readonly page: string; readonly html: string; readonly htmlLink: string }): Promise<void> {
  const markdown = await faultlineDocs(root, ['--format', 'md']);
  await write(files.page, sitePage(markdown, files.htmlLink));
  await write(files.html, await faultlineDocs(root, ['--format', 'html']));
}

/** `faultline docs --catalog examples/pins/errors.ts …`: the CLI itself, in this process. */
async function faultlineDocs(root: string, args: readonly string[]): Promise<string> {
  let stdout = '';
  let stderr = '';
  const argv = ['docs', '--catalog', EXAMPLE_CATALOG, '--title', EXAMPLE_TITLE, ...args];
  const code = await run(argv, { cwd: root, stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text) });
  if (code !== 0) throw new Error(`faultline ${argv.join(' ')} exited ${code}: ${stderr}`);
  return stdout;
}

/**
 * The generated Markdown as a site page: a note on where it comes from after its title, and the
 * rest in a `v-pre` block, so text from a catalog (`{{ … }}`) is never read as a Vue template.
 */
export function sitePage(markdown: string, htmlLink: string): string {
  const newline = markdown.indexOf('\n');
  const title = markdown.slice(0, newline);
  return [
    title,
    '',
    '::: info Generated at build time',
    `This page is what \`faultline docs\` writes for the example API's catalog (\`${EXAMPLE_CATALOG}\`, served by \`npm start\`).`,
    `The same reference as one standalone HTML page, as \`--format html\` writes it: [errors.html](${htmlLink}){target="_self"}.`,
    ':::',
    '',
    '::: v-pre',
    markdown.slice(newline + 1).trim(),
    ':::',
    '',
  ].join('\n');
}

async function write(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, text, 'utf8');
}

