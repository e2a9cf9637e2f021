import { didYouMean } from '../src/checks/did-you-mean.js';
import { ENVELOPES, presets, type EnvelopeName, type Preset } from '../src/index.js';

export type Format = 'md' | 'html';

/** `faultline docs …`, parsed and checked. */
export interface DocsCommand {
  readonly command: 'docs';
  readonly catalog: string;
  readonly envelope?: EnvelopeName;
  readonly preset?: Preset;
  readonly format: Format;
  readonly out?: string;
  readonly title?: string;
  readonly statuses?: readonly number[];
  readonly sampleRetryAfter?: number;
  readonly typeBase?: string;
}

export type Command = DocsCommand | { readonly command: 'help' } | { readonly command: 'version' };

const COMMANDS = ['docs', 'help'];

export const USAGE = `Usage: faultline docs --catalog <module> [options]
       faultline --help | --version

Writes an error reference page for the defineErrors() catalogs a module exports.

Options:
  --catalog <path>        the module (.ts through tsx, or .js/.mjs/.cjs)
  --envelope <name>       ${Object.keys(ENVELOPES).join(' | ')} (default: the preset's, else problem-details)
  --preset <name>         ${Object.entries(presets).map(([key, preset]) => `${key} (${preset.name})`).join(', ')}
  --format md|html        default md
  --out <file>            write there instead of stdout
  --title <text>          the page title (default "Error reference")
  --statuses <list>       the statuses every API answers, listed besides the catalog's and the
                          preset's, comma-separated; replaces the default 400,404,500,502,503,504
  --retry-after <seconds> the wait 429/503 examples are thrown with when the catalog has none (default 60)
  --type-base <uri>       the handler's typeBase: each code is described at typeBase + its slug
                          (a base ending with # is one page with an anchor per code; a base
                          ending with / is a directory, --out <dir>, with a page per code)
`;

/** Thrown for what the user typed; the CLI prints it with the usage. */
export class UsageError extends Error {}

/** Thrown for no command at all: the usage is the whole answer, and the exit code says it was not run. */
export class NoCommand extends Error {}

const OPTIONS = ['catalog', 'envelope', 'preset', 'format', 'out', 'title', 'statuses', 'retry-after', 'type-base'];

export function parseArgs(argv: readonly string[]): Command {
  const [command, ...rest] = argv;
  if (command === undefined) throw new NoCommand('no command given');
  if (command === 'help' || command === '--help' || command === '-h') return { command: 'help' };
  if (command === '--version' || command === '-v') return { command: 'version' };
  if (command !== 'docs') throw new UsageError(`unknown command "${command}"${hint(command, COMMANDS, '')}`);
  const values = new Map<string, string>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    if (arg === '--help' || arg === '-h') return { command: 'help' };
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument "${arg}"`);
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (!OPTIONS.includes(name)) throw new UsageError(`unknown option --${name}${hint(name, OPTIONS, '--')}; the options are ${OPTIONS.map((o) => `--${o}`).join(', ')}`);
    const value = inline ?? rest[++i];
    if (value === undefined) throw new UsageError(`--${name} needs a value`);
    values.set(name, value);
  }
  const catalog = values.get('catalog');
  if (catalog === undefined) throw new UsageError('--catalog is required');
  const format = values.get('format') ?? 'md';
  if (format !== 'md' && format !== 'html') throw new UsageError(`--format is "${format}"; allowed: md or html`);
  const envelope = values.get('envelope');
  if (envelope !== undefined && !Object.hasOwn(ENVELOPES, envelope)) {
    throw new UsageError(`unknown envelope "${envelope}"${hint(envelope, Object.keys(ENVELOPES), '')}; allowed: ${Object.keys(ENVELOPES).join(', ')}`);
  }
  const presetName = values.get('preset');
  const out = values.get('out');
  const title = values.get('title');
  const statuses = values.get('statuses');
  const retryAfter = values.get('retry-after');
  const typeBase = values.get('type-base');
  return {
    command: 'docs',
    catalog,
    format,
    ...(envelope === undefined ? {} : { envelope: envelope as EnvelopeName }),
    ...(presetName === undefined ? {} : { preset: findPreset(presetName) }),
    ...(out === undefined ? {} : { out }),
    ...(title === undefined ? {} : { title }),
    ...(statuses === undefined ? {} : { statuses: statusList(statuses) }),
    ...(retryAfter === undefined ? {} : { sampleRetryAfter: seconds(retryAfter) }),
    ...(typeBase === undefined ? {} : { typeBase }),
  };
}

/** ` (did you mean --envelope?)`, or nothing when no known name is close. */
function hint(name: string, known: readonly string[], prefix: string): string {
  const guess = didYouMean(name, known);
  return guess === undefined ? '' : ` (did you mean ${prefix}${guess}?)`;
}

/** By its key in `presets` (`statusObject`) or its name (`status-object`). */
function findPreset(name: string): Preset {
  for (const [key, preset] of Object.entries(presets)) if (key === name || preset.name === name) return preset;
  const names = Object.entries(presets).flatMap(([key, preset]) => [key, preset.name]);
  throw new UsageError(`unknown preset "${name}"${hint(name, names, '')}; allowed: ${Object.keys(presets).join(', ')} (or their names, such as status-object)`);
}

function statusList(value: string): number[] {
  return value.split(',').map((part) => {
    const status = Number(part.trim());
    if (!Number.isInteger(status) || status < 400 || status > 599) throw new UsageError(`--statuses: "${part}" is not an error status; allowed: statuses from 400 to 599, comma-separated`);
    return status;
  });
}

function seconds(value: string): number {
  const wait = Number(value);
  if (!Number.isFinite(wait) || wait < 0) throw new UsageError(`--retry-after is "${value}"; allowed: a number of seconds, 0 or more`);
  return wait;
}
