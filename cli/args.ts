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

export type Command = DocsCommand | { readonly command: 'help' };

export const USAGE = `Usage: faultline docs --catalog <module> [options]

Writes an error reference page for the defineErrors() catalogs a module exports.

Options:
  --catalog <path>        the module (.ts through tsx, or .js/.mjs/.cjs)
  --envelope <name>       ${Object.keys(ENVELOPES).join(' | ')} (default: the preset's, else problem-details)
  --preset <name>         ${Object.entries(presets).map(([key, preset]) => `${key} (${preset.name})`).join(', ')}
  --format md|html        default md
  --out <file>            write there instead of stdout
  --title <text>          the page title (default "Error reference")
  --statuses <list>       more statuses to list, comma-separated (default 400,404,500,502,503,504)
  --retry-after <seconds> the wait 429/503 examples are thrown with when the catalog has none (default 60)
  --type-base <uri>       the handler's typeBase: each code is described at typeBase + its slug
                          (a base ending with # is one page with an anchor per code; a base
                          ending with / is a directory, --out <dir>, with a page per code)
`;

/** Thrown for what the user typed; the CLI prints it with the usage. */
export class UsageError extends Error {}

export function parseArgs(argv: readonly string[]): Command {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') return { command: 'help' };
  if (command !== 'docs') throw new UsageError(`unknown command "${command}"`);
  const values = new Map<string, string>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    if (arg === '--help' || arg === '-h') return { command: 'help' };
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument "${arg}"`);
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    const value = inline ?? rest[++i];
    if (value === undefined) throw new UsageError(`--${name} needs a value`);
    if (!OPTIONS.has(name)) throw new UsageError(`unknown option --${name}`);
    values.set(name, value);
  }
  const catalog = values.get('catalog');
  if (catalog === undefined) throw new UsageError('--catalog is required');
  const format = values.get('format') ?? 'md';
  if (format !== 'md' && format !== 'html') throw new UsageError(`--format must be md or html, not "${format}"`);
  const envelope = values.get('envelope');
  if (envelope !== undefined && !Object.hasOwn(ENVELOPES, envelope)) {
    throw new UsageError(`unknown envelope "${envelope}"; use one of ${Object.keys(ENVELOPES).join(', ')}`);
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

const OPTIONS = new Set(['catalog', 'envelope', 'preset', 'format', 'out', 'title', 'statuses', 'retry-after', 'type-base']);

/** By its key in `presets` (`statusObject`) or its name (`status-object`). */
function findPreset(name: string): Preset {
  for (const [key, preset] of Object.entries(presets)) if (key === name || preset.name === name) return preset;
  throw new UsageError(`unknown preset "${name}"; use one of ${Object.keys(presets).join(', ')}`);
}

function statusList(value: string): number[] {
  return value.split(',').map((part) => {
    const status = Number(part.trim());
    if (!Number.isInteger(status) || status < 400 || status > 599) throw new UsageError(`--statuses: "${part}" is not an error status (400-599)`);
    return status;
  });
}

function seconds(value: string): number {
  const wait = Number(value);
  if (!Number.isFinite(wait) || wait < 0) throw new UsageError(`--retry-after: "${value}" is not a number of seconds`);
  return wait;
}
