import { defineErrors } from '../../src/index.js';

/**
 * A catalog with every feature an OpenAPI response or a reference page shows: own codes beside
 * default ones, numeric codes, a known wait, allowed methods, extra members, causes, a hidden and an
 * exposed 5xx, two errors on one status, and text that needs escaping in Markdown and HTML.
 */
export const AppErrors = defineErrors({
  BAD_REQUEST: { status: 400, message: 'Bad Request', description: 'Invalid request format.' },
  INVALID_CID: {
    status: 400,
    message: 'The CID is not valid',
    numericCode: 40010,
    description: 'The CID in the path is not a valid CIDv0 or CIDv1.',
    causes: [
      { cause: 'A typo in the CID', solution: 'Copy the CID from `ipfs add` output' },
      { cause: 'A CID with a <script> tag | pipe & ampersand', solution: 'Never "trust" input: <b>escape</b> it' },
    ],
  },
  INVALID_TOKEN: { status: 401, message: 'Invalid token.', numericCode: 50014, description: 'The access token is missing, invalid or expired.' },
  MISSING_SCOPE: {
    status: 403,
    message: 'Token does not have the required scope',
    extras: { required: 'pins:write' },
    description: 'The token lacks a scope; `required` names it.',
  },
  NOT_FOUND: { status: 404, message: 'The specified resource was not found' },
  READ_ONLY: { status: 405, message: 'Pins are read-only here', headers: { allow: 'GET, HEAD' } },
  INSUFFICIENT_FUNDS: {
    status: 409,
    message: 'Unable to process request due to the lack of funds',
    causes: [{ cause: 'Storage exceeds the free tier', solution: 'Add credits' }],
  },
  RATE_LIMITED: { status: 429, message: 'Too many requests', retryAfter: 30, description: 'Rate limited.' },
  INTERNAL: { status: 500, message: 'Database connection lost at 10.0.0.5', description: 'Unexpected error.' },
  MAINTENANCE: { status: 503, message: 'Down for maintenance', expose: true, retryAfter: 600 },
});
