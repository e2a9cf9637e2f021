import { readFileSync } from 'node:fs';

/** The seed pages, copied verbatim into `test/presets/seeds/` so the tests read the documents themselves. */
export const SEED = {
  reasonDetails: '000_853f0a96bd4623d0.txt',
  errorMessageCode: '001_03b08bba86ceffa3.txt',
  numericCode: '002_67a7db3bca5b300f.txt',
  statusObject: '003_e9a3e15a8d618f28.txt',
  statusGuide: '004_8a96aebb71297c9f.txt',
} as const;

export type SeedFile = (typeof SEED)[keyof typeof SEED];

export function seedPage(file: SeedFile): string {
  return readFileSync(new URL(`./seeds/${file}`, import.meta.url), 'utf8');
}

/** Every top-level `{…}` block of a page (braces balanced, strings respected), as written. */
function braceBlocks(text: string): string[] {
  const blocks: string[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"' && depth > 0) {
      inString = true;
    } else if (char === '{') {
      if (depth++ === 0) start = i;
    } else if (char === '}' && depth > 0 && --depth === 0) {
      blocks.push(text.slice(start, i + 1));
    }
  }
  return blocks;
}

/**
 * The page's documented example body that contains `marker`, as the bytes a server sends
 * (`JSON.stringify` of the page's JSON: the page's own indentation is layout, not content).
 * `fill` replaces the page's elisions (`[...]`) with concrete JSON first.
 */
export function documentedBody(file: SeedFile, marker: string, fill: Readonly<Record<string, unknown>> = {}): string {
  const found = braceBlocks(seedPage(file)).filter((block) => block.includes(marker));
  if (found.length !== 1) throw new Error(`test bug: ${found.length} example bodies in ${file} contain ${marker}`);
  let block = found[0] as string;
  for (const [elision, value] of Object.entries(fill)) block = block.replace(elision, JSON.stringify(value));
  return JSON.stringify(JSON.parse(block));
}
