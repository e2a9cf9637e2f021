// Reading a thrown value is reading hostile input: getters throw, Proxies trap every operation,
// revoked Proxies throw on `typeof`-free checks. Every read in normalize goes through these.

/** `value[key]`, or undefined if reading it throws. */
export function read(value: unknown, key: PropertyKey): unknown {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return undefined;
  try {
    return (value as Record<PropertyKey, unknown>)[key];
  } catch {
    return undefined;
  }
}

export function readString(value: unknown, key: PropertyKey): string | undefined {
  const found = read(value, key);
  return typeof found === 'string' ? found : undefined;
}

export function readNumber(value: unknown, key: PropertyKey): number | undefined {
  const found = read(value, key);
  return typeof found === 'number' && Number.isFinite(found) ? found : undefined;
}

export function readBoolean(value: unknown, key: PropertyKey): boolean | undefined {
  const found = read(value, key);
  return typeof found === 'boolean' ? found : undefined;
}

/** `value instanceof type`, false if the prototype walk throws (Proxy `getPrototypeOf` trap). */
export function isInstance(value: unknown, type: abstract new (...args: never[]) => unknown): boolean {
  try {
    return value instanceof type;
  } catch {
    return false;
  }
}

/** Own enumerable string keys, or none if listing them throws. */
export function ownKeys(value: unknown): string[] {
  if (value === null || typeof value !== 'object') return [];
  try {
    return Object.keys(value);
  } catch {
    return [];
  }
}

/** Calls `value[key]()` with `value` as `this`; undefined if it is not a function or it throws. */
export function callMethod(value: unknown, key: PropertyKey): unknown {
  const method = read(value, key);
  if (typeof method !== 'function') return undefined;
  try {
    return (method as () => unknown).call(value);
  } catch {
    return undefined;
  }
}
