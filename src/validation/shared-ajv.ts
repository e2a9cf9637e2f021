import type { AjvLike } from './ajv-like.js';
import { COERCING_AJV_OPTIONS, DEFAULT_AJV_OPTIONS, LISTING_AJV_OPTIONS, type DefaultAjvs } from './validate-options.js';

/** `require` as an adapter can offer it: the core itself loads no module. */
export type PeerLoader = (id: string) => unknown;

let shared: DefaultAjvs | undefined;

/**
 * The Ajv instances (bodies, fail-fast; bodies, listing every problem of a small one; coercing,
 * for query, params and headers) every `validate()` in the process shares unless given its own,
 * with ajv-formats. Made on first use, with the loader of
 * the adapter that needed them: ajv is an optional peer, so nothing loads it before a validate().
 */
export function sharedAjvs(load: PeerLoader): DefaultAjvs {
  if (shared !== undefined) return shared;
  let Ajv: new (options: object) => AjvLike;
  let addFormats: (ajv: AjvLike) => unknown;
  try {
    Ajv = load('ajv') as typeof Ajv;
    addFormats = load('ajv-formats') as typeof addFormats;
  } catch (error) {
    throw new Error('faultline: validate() needs ajv and ajv-formats (npm install ajv ajv-formats), or pass { ajv }', {
      cause: error,
    });
  }
  const ajv = new Ajv(DEFAULT_AJV_OPTIONS);
  const listingAjv = new Ajv(LISTING_AJV_OPTIONS);
  const coercingAjv = new Ajv(COERCING_AJV_OPTIONS);
  addFormats(ajv);
  addFormats(listingAjv);
  addFormats(coercingAjv);
  shared = { ajv, listingAjv, coercingAjv };
  return shared;
}
