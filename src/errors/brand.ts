/**
 * The mark faultline's errors carry. `Symbol.for` makes it the same symbol in the ESM and CJS builds
 * and in two installed copies, where `instanceof HttpError` would be false.
 */
export const FAULTLINE_ERROR: unique symbol = Symbol.for('faultline.error') as never;
