/**
 * `POST /pins`'s body, as one JSON Schema: every framework's example validates with it (through
 * faultline's `validate()`, Nest's `@Validate`, or Fastify's own route `schema`), so the domain
 * (`PinService.add`) trusts what it is given.
 */
export const pinSchema = {
  type: 'object',
  required: ['cid'],
  properties: {
    // A CIDv0 (base58btc, `Qm…`) or a CIDv1 in base32 (`b…`).
    cid: { type: 'string', pattern: '^(Qm[1-9A-HJ-NP-Za-km-z]{44}|b[a-z2-7]{58,})$' },
    name: { type: 'string', maxLength: 255 },
  },
  additionalProperties: false,
};

/** What `pinSchema` admits. */
export interface NewPin {
  readonly cid: string;
  readonly name?: string;
}
