// faultline's envelope schemas are JSON Schema 2020-12 documents; an OpenAPI document needs them
// as named components, in a dialect both OpenAPI 3.0 (Nest's default) and 3.1 accept. The
// decorator cannot know which version the document will declare, so it writes the common subset.
import type { JsonSchema } from '../../src/kit.js';

/** One schema as OpenAPI components: the root and every `$defs` entry, each under its own name. */
export interface OpenApiComponents {
  readonly name: string;
  readonly schemas: Readonly<Record<string, Record<string, unknown>>>;
}

// Keywords with no OpenAPI 3.0 meaning. `if`/`then`/`else` (problem details' 429 rule) and
// `dependentRequired` only narrow what the rest allows, so dropping them never rejects a real body.
const DROPPED = new Set(['$schema', '$id', '$comment', '$defs', 'if', 'then', 'else', 'dependentRequired']);
const SCHEMA_MAPS = new Set(['properties', 'patternProperties']);
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
const SCHEMA_VALUES = new Set(['items', 'additionalProperties', 'not', 'contains', 'propertyNames']);

/** `reason-details` → `ReasonDetails`; anything outside OpenAPI's component-name characters goes. */
export function pascalName(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part !== '')
    .map((part) => part[0]?.toUpperCase() + part.slice(1))
    .join('');
}

/**
 * `schema` as components named `name` (its `$defs` as `name` + the def's name), refs rewritten to
 * `#/components/schemas/…`, `const` as a one-value `enum`, boolean schemas as objects.
 */
export function openApiComponents(name: string, schema: JsonSchema): OpenApiComponents {
  const defs = (schema.$defs ?? {}) as Readonly<Record<string, JsonSchema>>;
  const names = new Map(Object.keys(defs).map((def) => [def, `${name}${pascalName(def)}`]));
  const convert = (value: unknown): unknown => {
    if (value === true) return {};
    if (value === false) return { not: {} };
    if (typeof value !== 'object' || value === null) return value;
    const out: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(value)) {
      if (DROPPED.has(key)) continue;
      if (key === '$ref' && typeof member === 'string') out.$ref = ref(member, names);
      else if (key === 'const') out.enum = [member];
      else if (SCHEMA_MAPS.has(key)) out[key] = Object.fromEntries(Object.entries(member as object).map(([k, v]) => [k, convert(v)]));
      else if (SCHEMA_LISTS.has(key)) out[key] = (member as unknown[]).map(convert);
      else if (SCHEMA_VALUES.has(key)) out[key] = convert(member);
      else out[key] = member;
    }
    return out;
  };
  const schemas: Record<string, Record<string, unknown>> = { [name]: convert(schema) as Record<string, unknown> };
  for (const [def, defSchema] of Object.entries(defs)) schemas[names.get(def) as string] = convert(defSchema) as Record<string, unknown>;
  return { name, schemas };
}

function ref(target: string, names: ReadonlyMap<string, string>): string {
  const def = target.startsWith('#/$defs/') ? names.get(target.slice('#/$defs/'.length)) : undefined;
  if (def === undefined) throw new TypeError(`faultline: cannot place the schema reference "${target}" in an OpenAPI document`);
  return `#/components/schemas/${def}`;
}
