// The fenced code blocks of a Markdown page, with what the page says around them: the headings they
// sit under (a block's scope), the packages `npm install` lines name, and tsconfig settings shown.

/** Languages whose blocks are TypeScript modules: type-checked (and run when marked `run`). */
export const TYPESCRIPT: ReadonlySet<string> = new Set(['ts', 'typescript', 'mts']);
const SHELL: ReadonlySet<string> = new Set(['sh', 'bash', 'shell', 'console', 'zsh']);
const JSON_LANGS: ReadonlySet<string> = new Set(['json', 'jsonc', 'json5']);

export interface Block {
  /** The page, relative to the repository. */
  readonly file: string;
  /** 1-based line of the opening fence; the block's first line is the page's `line + 1`. */
  readonly line: number;
  /** The info string's first word, lower case ('' for none). */
  readonly lang: string;
  /** The info string's other words: `run`, `fragment`, `canary=compile`. */
  readonly attrs: ReadonlyMap<string, string | true>;
  readonly code: string;
  /** The lines of the headings it sits under, outermost first. */
  readonly scope: readonly number[];
}

interface OpenFence {
  readonly marker: string;
  readonly body: string[];
  readonly block: Omit<Block, 'code'>;
}

/** Every fenced block of `text`, in order. An unclosed fence runs to the end of the page, as CommonMark says. */
export function codeBlocks(text: string, file: string): Block[] {
  const lines = text.split('\n');
  const blocks: Block[] = [];
  const headings: { level: number; line: number }[] = [];
  let open: OpenFence | undefined;
  for (const [i, line] of lines.entries()) {
    if (open !== undefined) {
      const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line)?.[1];
      if (close !== undefined && close[0] === open.marker[0] && close.length >= open.marker.length) {
        blocks.push({ ...open.block, code: open.body.join('\n') });
        open = undefined;
      } else {
        open.body.push(line);
      }
      continue;
    }
    const fence = /^ {0,3}(`{3,}|~{3,})\s*([^`]*)$/.exec(line);
    if (fence !== null) {
      const [lang = '', ...rest] = (fence[2] ?? '').trim().split(/\s+/).filter(Boolean);
      const attrs = new Map(
        rest.map((word): [string, string | true] => {
          const eq = word.indexOf('=');
          return eq === -1 ? [word, true] : [word.slice(0, eq), word.slice(eq + 1)];
        }),
      );
      open = { marker: fence[1] ?? '```', body: [], block: { file, line: i + 1, lang: lang.toLowerCase(), attrs, scope: headings.map((h) => h.line) } };
      continue;
    }
    const heading = /^ {0,3}(#{1,6})\s+\S/.exec(line)?.[1];
    if (heading !== undefined) {
      while (headings.length > 0 && (headings.at(-1)?.level ?? 0) >= heading.length) headings.pop();
      headings.push({ level: heading.length, line: i + 1 });
    }
  }
  if (open !== undefined) blocks.push({ ...open.block, code: open.body.join('\n') });
  return blocks;
}

/** True when `outer`'s section contains `inner` (a block above a page's first heading contains everything). */
export function encloses(outer: Block, inner: Block): boolean {
  return outer.scope.every((line, i) => inner.scope[i] === line);
}

/** The packages the `npm install` (`npm i`, `npm add`) lines of a shell block name, versions dropped. */
export function installedPackages(block: Block): string[] {
  if (!SHELL.has(block.lang)) return [];
  const names: string[] = [];
  for (const raw of block.code.split('\n')) {
    const line = raw.replace(/#.*$/, '').trim().replace(/^\$\s*/, '');
    const args = /^npm\s+(?:install|i|add)\s+(.*)$/.exec(line)?.[1];
    if (args === undefined) continue;
    for (const word of args.split(/\s+/)) {
      if (word === '' || word.startsWith('-')) continue;
      names.push(packageOf(word.replace(/(.)@.*$/, '$1')));
    }
  }
  return names;
}

/** The compiler options of a tsconfig the page shows (a JSON block with `compilerOptions`), else undefined. */
export function shownCompilerOptions(block: Block): Record<string, unknown> | undefined {
  if (!JSON_LANGS.has(block.lang)) return undefined;
  try {
    const parsed: unknown = JSON.parse(block.code.replace(/^\s*\/\/.*$/gm, ''));
    const options = parsed !== null && typeof parsed === 'object' ? (parsed as { compilerOptions?: unknown }).compilerOptions : undefined;
    return options !== null && typeof options === 'object' ? (options as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The module specifiers a TypeScript block imports (static, side-effect and dynamic imports, re-exports). */
export function importedSpecifiers(code: string): string[] {
  const found = new Set<string>();
  const patterns = [
    /(?:^|[\s;])(?:import|export)\s[^'";]*?\sfrom\s*['"]([^'"]+)['"]/g,
    /(?:^|[\s;])import\s*['"]([^'"]+)['"]/g,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) for (const match of code.matchAll(pattern)) if (match[1] !== undefined) found.add(match[1]);
  return [...found];
}

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`. */
export function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}
