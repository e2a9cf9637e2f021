/// <reference types="node" />
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { NoCommand, parseArgs, USAGE, UsageError, type Format } from './args.js';
import { exportedFactories, importModule } from './load-catalog.js';
import { codePageHtml, referenceHtml } from './reference/html.js';
import { codePageMarkdown, referenceMarkdown } from './reference/markdown.js';
import { buildReference, type CodeEntry, type ErrorReference } from './reference/reference-model.js';

/** Where the CLI writes: injectable, so it can be run in-process too. */
export interface Io {
  readonly cwd: string;
  /** The installed package's version, for `--version`. */
  readonly version?: string;
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Runs the CLI; resolves to the exit code (0 done, 1 failed or no command, 2 wrong usage). */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  try {
    const command = parseArgs(argv);
    if (command.command === 'help') {
      io.stdout(USAGE);
      return 0;
    }
    if (command.command === 'version') {
      io.stdout(`${io.version ?? 'unknown'}\n`);
      return 0;
    }
    const factories = exportedFactories(await importModule(command.catalog, io.cwd));
    if (factories.length === 0) throw new Error(`faultline: ${command.catalog} exports no defineErrors() catalog or factory`);
    const reference = buildReference(factories, {
      ...(command.preset === undefined ? {} : { preset: command.preset }),
      ...(command.envelope === undefined ? {} : { envelope: command.envelope }),
      ...(command.title === undefined ? {} : { title: command.title }),
      ...(command.statuses === undefined ? {} : { statuses: command.statuses }),
      ...(command.sampleRetryAfter === undefined ? {} : { sampleRetryAfter: command.sampleRetryAfter }),
      ...(command.typeBase === undefined ? {} : { typeBase: command.typeBase }),
    });
    const page = command.format === 'html' ? referenceHtml(reference) : referenceMarkdown(reference);
    if (command.typeBase?.endsWith('/') === true) {
      // Each code's `type` is a page of its own: a directory of pages, the reference as its index.
      if (command.out === undefined) throw new UsageError('--type-base ending with / describes each code on a page of its own: give --out <directory>');
      const written = await writePages(resolve(io.cwd, command.out), command.format, reference, page);
      io.stderr(`faultline: wrote ${command.out} (index and ${count(written, 'code page', 'code pages')}: ${count(reference.statuses.length, 'status', 'statuses')}, ${count(reference.codes.length, 'code', 'codes')})\n`);
      return 0;
    }
    if (command.out === undefined) {
      io.stdout(page);
    } else {
      const file = resolve(io.cwd, command.out);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, page, 'utf8');
      io.stderr(`faultline: wrote ${command.out} (${count(reference.statuses.length, 'status', 'statuses')}, ${count(reference.codes.length, 'code', 'codes')})\n`);
    }
    return 0;
  } catch (error) {
    if (error instanceof NoCommand) {
      io.stderr(USAGE);
      return 1;
    }
    if (error instanceof UsageError) {
      io.stderr(`faultline: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    io.stderr(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

/** The index and one page per documented code (catalog entries, configured default codes); how many code pages. */
async function writePages(directory: string, format: Format, reference: ErrorReference, index: string): Promise<number> {
  await mkdir(directory, { recursive: true });
  await writeFile(resolve(directory, `index.${format}`), index, 'utf8');
  const documented: CodeEntry[] = [...reference.codes];
  for (const status of reference.statuses) {
    if (status.defaultCode === undefined) continue;
    documented.push({ ...status.defaultCode, status: status.status, text: status.text, description: status.description, causes: [], example: status.example });
  }
  for (const entry of documented) {
    const page = format === 'html' ? codePageHtml(reference, entry) : codePageMarkdown(reference, entry);
    await writeFile(resolve(directory, `${entry.slug}.${format}`), page, 'utf8');
  }
  return documented.length;
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
