import { debugStack, type FaultInput, type FaultPolicy } from '../fault-input.js';
import { read, readString } from '../read.js';

// What the client is told, in faultline's words (libraries' messages quote claims and values).
const DESCRIPTIONS = {
  expired: 'The access token expired',
  notYetValid: 'The access token is not valid yet',
  signature: 'The access token signature is invalid',
  malformed: 'The access token is malformed',
  algorithm: 'The access token is signed with an algorithm that is not accepted',
  noKey: 'No key is known for the access token',
  revoked: 'The access token was revoked',
  decryption: 'The access token could not be decrypted',
  invalid: 'The access token is invalid',
} as const;

// jose's codes (`JOSEError#code`) for a token that is not acceptable.
const JOSE: Record<string, string> = /* @__PURE__ */ (() => ({
  ERR_JWT_EXPIRED: DESCRIPTIONS.expired,
  ERR_JWS_SIGNATURE_VERIFICATION_FAILED: DESCRIPTIONS.signature,
  ERR_JWS_INVALID: DESCRIPTIONS.malformed,
  ERR_JWT_INVALID: DESCRIPTIONS.malformed,
  ERR_JWE_INVALID: DESCRIPTIONS.malformed,
  ERR_JOSE_ALG_NOT_ALLOWED: DESCRIPTIONS.algorithm,
  ERR_JOSE_NOT_SUPPORTED: DESCRIPTIONS.algorithm,
  ERR_JWKS_NO_MATCHING_KEY: DESCRIPTIONS.noKey,
  ERR_JWKS_MULTIPLE_MATCHING_KEYS: DESCRIPTIONS.noKey,
  ERR_JWE_DECRYPTION_FAILED: DESCRIPTIONS.decryption,
}))();

// jsonwebtoken's errors, as express-jwt keeps them in `inner`.
const JSONWEBTOKEN: Record<string, string> = /* @__PURE__ */ (() => ({
  TokenExpiredError: DESCRIPTIONS.expired,
  NotBeforeError: DESCRIPTIONS.notYetValid,
}))();

// RFC 6750 §3: error_description is limited to %x20-21 / %x23-5B / %x5D-7E (no `"`, no `\`).
const DESCRIPTION_CHARS = /^[\x20\x21\x23-\x5B\x5D-\x7E]*$/;

/**
 * A bearer token that was refused: express-jwt's `UnauthorizedError` and jose's errors
 * (`JWTExpired`, `JWSSignatureVerificationFailed`, `JWTClaimValidationFailed`, …). A token that is
 * invalid, expired or revoked is a 401 with `WWW-Authenticate: Bearer error="invalid_token"` and
 * an `error_description` of faultline's own (RFC 6750 §3.1); a request without a token a 401 with a
 * bare `Bearer` challenge (§3.1: no error code then); an Authorization header that is not a bearer
 * token a 400 `invalid_request`. A JWKS that could not be fetched is the key server's failure: a 504
 * for a timeout, a 502 otherwise, hidden.
 */
export function fromJwt(thrown: unknown, policy?: FaultPolicy): FaultInput | undefined {
  const code = readString(thrown, 'code');
  if (code === undefined) return undefined;
  const stack = debugStack(thrown, policy);
  if (readString(thrown, 'name') === 'UnauthorizedError' && read(thrown, 'inner') !== undefined) {
    switch (code) {
      case 'credentials_required':
        return { status: 401, message: 'No access token was given', headers: { 'www-authenticate': 'Bearer' }, stack };
      case 'credentials_bad_scheme':
      case 'credentials_bad_format':
        return { status: 400, message: 'The Authorization header is not a bearer token', headers: { 'www-authenticate': bearer('invalid_request', undefined) }, stack };
      case 'revoked_token':
        return refused(DESCRIPTIONS.revoked, stack);
      case 'invalid_token': {
        const inner = read(thrown, 'inner');
        const name = readString(inner, 'name') ?? '';
        const message = readString(inner, 'message');
        const description = Object.hasOwn(JSONWEBTOKEN, name) ? JSONWEBTOKEN[name] : message === 'invalid signature' ? DESCRIPTIONS.signature : message === 'jwt malformed' ? DESCRIPTIONS.malformed : DESCRIPTIONS.invalid;
        return refused(description as string, stack);
      }
      default:
        return undefined;
    }
  }
  if (!code.startsWith('ERR_JW') && !code.startsWith('ERR_JOSE_')) return undefined;
  if (code === 'ERR_JWKS_TIMEOUT') return { status: 504, expose: false, message: 'The key server did not answer in time', stack };
  if (code === 'ERR_JWKS_INVALID') return { status: 502, expose: false, message: 'The key server answered with an invalid key set', stack };
  if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED') {
    const claim = readString(thrown, 'claim');
    if (claim === 'nbf') return refused(DESCRIPTIONS.notYetValid, stack);
    return refused(claim !== undefined && /^[a-z]{2,8}$/.test(claim) ? `The access token ${claim} claim is invalid` : DESCRIPTIONS.invalid, stack);
  }
  const description = Object.hasOwn(JOSE, code) ? JOSE[code] : undefined;
  return description === undefined ? undefined : refused(description, stack);
}

function refused(description: string, stack: unknown): FaultInput {
  return { status: 401, message: description, headers: { 'www-authenticate': bearer('invalid_token', description) }, stack };
}

/** A Bearer challenge with an error code, and a description when it fits RFC 6750's characters. */
function bearer(error: string, description: string | undefined): string {
  const safe = description !== undefined && DESCRIPTION_CHARS.test(description) ? `, error_description="${description}"` : '';
  return `Bearer error="${error}"${safe}`;
}
