// What a route sees after `validate()`, as a type: a Standard Schema validator's output type, or
// the value a JSON Schema describes when the app gives a typed one (`as const`, or ajv's
// `JSONSchemaType<T>` for an object). Any other schema (a plain object literal whose `type` is a
// `string`) describes `unknown`: never a wrong type, only a less precise one.
import type { StandardSchemaV1 } from './standard-schema.js';

/** The value a route reads after `validate()` checked a part with `S` (coerced, transformed). */
export type SchemaOutput<S> = S extends StandardSchemaV1 ? StandardSchemaV1.InferOutput<S> : JsonSchemaValue<S>;

/** The value a client sends for a part checked with `S` (a Standard Schema's input type). */
export type SchemaInputValue<S> = S extends StandardSchemaV1 ? StandardSchemaV1.InferInput<S> : JsonSchemaValue<S>;

/** The value a JSON Schema describes: from an `as const` schema, or from ajv's `JSONSchemaType<T>`. */
export type JsonSchemaValue<S> = S extends boolean ? unknown : string extends keyof S ? AjvTyped<S> : FromSchema<S>;

type Flatten<T> = { [K in keyof T]: T[K] } & {};

type FromSchema<S> = S extends { readonly const: infer C }
  ? C
  : S extends { readonly enum: readonly (infer E)[] }
    ? E
    : S extends { readonly anyOf: readonly (infer A)[] }
      ? FromSchema<A>
      : S extends { readonly oneOf: readonly (infer A)[] }
        ? FromSchema<A>
        : S extends { readonly type: infer T }
          ? T extends readonly (infer U)[]
            ? OfType<S, U>
            : OfType<S, T>
          : unknown;

type OfType<S, T> = T extends 'string'
  ? string
  : T extends 'number' | 'integer'
    ? number
    : T extends 'boolean'
      ? boolean
      : T extends 'null'
        ? null
        : T extends 'array'
          ? S extends { readonly items: infer I }
            ? I extends readonly unknown[]
              ? unknown[]
              : FromSchema<I>[]
            : unknown[]
          : T extends 'object'
            ? ObjectOf<S>
            : unknown;

type RequiredOf<S> = S extends { readonly required: readonly (infer R)[] } ? R : never;

type ObjectOf<S> = S extends { readonly properties: infer P }
  ? Flatten<
      { -readonly [K in keyof P as K extends RequiredOf<S> ? K : never]: FromSchema<P[K]> } & {
        -readonly [K in keyof P as K extends RequiredOf<S> ? never : K]?: FromSchema<P[K]>;
      } & (S extends { readonly additionalProperties: false } ? unknown : { [key: string]: unknown })
    >
  : { [key: string]: unknown };

// ajv's JSONSchemaType<T> carries `[keyword: string]: any`, which makes every keyword look present;
// without it, the object member of its union keeps `properties` (each property schema has
// `default?: T[K]`) and `required`, from which T is read back.
type Known<T> = { [K in keyof T as string extends K ? never : number extends K ? never : K]: T[K] };

type AjvTyped<S> = [AjvObjectMember<S>] extends [never] ? unknown : AjvObject<AjvObjectMember<S>>;

type AjvObjectMember<S> = S extends unknown ? ('properties' extends keyof Known<S> ? Known<S> : never) : never;

type AjvObject<M> = M extends { readonly properties?: infer P }
  ? Flatten<
      { -readonly [K in keyof NonNullable<P> as K extends RequiredOf<M> ? K : never]: AjvProperty<NonNullable<P>[K]> } & {
        -readonly [K in keyof NonNullable<P> as K extends RequiredOf<M> ? never : K]?: AjvProperty<NonNullable<P>[K]>;
      }
    >
  : unknown;

type AjvProperty<V> = Exclude<V, { $ref: string }> extends infer W ? (W extends unknown ? (Known<W> extends { default?: infer D } ? D : unknown) : never) : never;
