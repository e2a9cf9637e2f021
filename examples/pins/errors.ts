import { defineErrors } from '../../src/index.js';

/** The pins service's own errors: one typed catalog, the codes of seed 000's Pinning API. */
export const PinErrors = defineErrors({
  INSUFFICIENT_FUNDS: {
    status: 409,
    message: 'Unable to process request due to the lack of funds',
    description: 'Storage exceeds free tier without credits',
  },
});
