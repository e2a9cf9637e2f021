/**
 * Every status code of the API Status Code Guide, with its reason phrase, and for each error
 * status the default machine code and the name of its helper in `errors`.
 *
 * Phrases are the guide's, which are IANA's except for the three the guide itself marks: 226 (the
 * guide's "(HTTP Delta Encoding)" is an annotation, not part of the phrase) and 417 (the guide's
 * "Exception Failed" is a typo of RFC 9110's "Expectation Failed"). 499 and 599 are the guide's
 * non-standard additions (nginx and proxies).
 */
export const STATUS_CATALOG = {
  100: { phrase: 'Continue' },
  101: { phrase: 'Switching Protocols' },
  102: { phrase: 'Processing' },
  103: { phrase: 'Early Hints' },
  200: { phrase: 'OK' },
  201: { phrase: 'Created' },
  202: { phrase: 'Accepted' },
  203: { phrase: 'Non-Authoritative Information' },
  204: { phrase: 'No Content' },
  205: { phrase: 'Reset Content' },
  206: { phrase: 'Partial Content' },
  207: { phrase: 'Multi-Status' },
  208: { phrase: 'Already Reported' },
  226: { phrase: 'IM Used' },
  300: { phrase: 'Multiple Choices' },
  301: { phrase: 'Moved Permanently' },
  302: { phrase: 'Found' },
  303: { phrase: 'See Other' },
  304: { phrase: 'Not Modified' },
  305: { phrase: 'Use Proxy' },
  306: { phrase: 'Unused' },
  307: { phrase: 'Temporary Redirect' },
  308: { phrase: 'Permanent Redirect' },
  400: { phrase: 'Bad Request', code: 'BAD_REQUEST', helper: 'badRequest' },
  401: { phrase: 'Unauthorized', code: 'UNAUTHORIZED', helper: 'unauthorized' },
  402: { phrase: 'Payment Required', code: 'PAYMENT_REQUIRED', helper: 'paymentRequired' },
  403: { phrase: 'Forbidden', code: 'FORBIDDEN', helper: 'forbidden' },
  404: { phrase: 'Not Found', code: 'NOT_FOUND', helper: 'notFound' },
  405: { phrase: 'Method Not Allowed', code: 'METHOD_NOT_ALLOWED', helper: 'methodNotAllowed' },
  406: { phrase: 'Not Acceptable', code: 'NOT_ACCEPTABLE', helper: 'notAcceptable' },
  407: { phrase: 'Proxy Authentication Required', code: 'PROXY_AUTHENTICATION_REQUIRED', helper: 'proxyAuthenticationRequired' },
  408: { phrase: 'Request Timeout', code: 'REQUEST_TIMEOUT', helper: 'requestTimeout' },
  409: { phrase: 'Conflict', code: 'CONFLICT', helper: 'conflict' },
  410: { phrase: 'Gone', code: 'GONE', helper: 'gone' },
  411: { phrase: 'Length Required', code: 'LENGTH_REQUIRED', helper: 'lengthRequired' },
  412: { phrase: 'Precondition Failed', code: 'PRECONDITION_FAILED', helper: 'preconditionFailed' },
  413: { phrase: 'Payload Too Large', code: 'PAYLOAD_TOO_LARGE', helper: 'payloadTooLarge' },
  414: { phrase: 'URI Too Long', code: 'URI_TOO_LONG', helper: 'uriTooLong' },
  415: { phrase: 'Unsupported Media Type', code: 'UNSUPPORTED_MEDIA_TYPE', helper: 'unsupportedMediaType' },
  416: { phrase: 'Range Not Satisfiable', code: 'RANGE_NOT_SATISFIABLE', helper: 'rangeNotSatisfiable' },
  417: { phrase: 'Expectation Failed', code: 'EXPECTATION_FAILED', helper: 'expectationFailed' },
  418: { phrase: "I'm a teapot", code: 'IM_A_TEAPOT', helper: 'imATeapot' },
  421: { phrase: 'Misdirected Request', code: 'MISDIRECTED_REQUEST', helper: 'misdirectedRequest' },
  422: { phrase: 'Unprocessable Entity', code: 'UNPROCESSABLE_ENTITY', helper: 'unprocessableEntity' },
  423: { phrase: 'Locked', code: 'LOCKED', helper: 'locked' },
  424: { phrase: 'Failed Dependency', code: 'FAILED_DEPENDENCY', helper: 'failedDependency' },
  425: { phrase: 'Too Early', code: 'TOO_EARLY', helper: 'tooEarly' },
  426: { phrase: 'Upgrade Required', code: 'UPGRADE_REQUIRED', helper: 'upgradeRequired' },
  428: { phrase: 'Precondition Required', code: 'PRECONDITION_REQUIRED', helper: 'preconditionRequired' },
  429: { phrase: 'Too Many Requests', code: 'TOO_MANY_REQUESTS', helper: 'tooManyRequests' },
  431: { phrase: 'Request Header Fields Too Large', code: 'REQUEST_HEADER_FIELDS_TOO_LARGE', helper: 'requestHeaderFieldsTooLarge' },
  451: { phrase: 'Unavailable for Legal Reasons', code: 'UNAVAILABLE_FOR_LEGAL_REASONS', helper: 'unavailableForLegalReasons' },
  499: { phrase: 'Client Closed Request', code: 'CLIENT_CLOSED_REQUEST', helper: 'clientClosedRequest' },
  500: { phrase: 'Internal Server Error', code: 'INTERNAL_SERVER_ERROR', helper: 'internalServerError' },
  501: { phrase: 'Not Implemented', code: 'NOT_IMPLEMENTED', helper: 'notImplemented' },
  502: { phrase: 'Bad Gateway', code: 'BAD_GATEWAY', helper: 'badGateway' },
  503: { phrase: 'Service Unavailable', code: 'SERVICE_UNAVAILABLE', helper: 'serviceUnavailable' },
  504: { phrase: 'Gateway Timeout', code: 'GATEWAY_TIMEOUT', helper: 'gatewayTimeout' },
  505: { phrase: 'HTTP Version Not Supported', code: 'HTTP_VERSION_NOT_SUPPORTED', helper: 'httpVersionNotSupported' },
  507: { phrase: 'Insufficient Storage', code: 'INSUFFICIENT_STORAGE', helper: 'insufficientStorage' },
  508: { phrase: 'Loop Detected', code: 'LOOP_DETECTED', helper: 'loopDetected' },
  510: { phrase: 'Not Extended', code: 'NOT_EXTENDED', helper: 'notExtended' },
  511: { phrase: 'Network Authentication Required', code: 'NETWORK_AUTHENTICATION_REQUIRED', helper: 'networkAuthenticationRequired' },
  599: { phrase: 'Network Connect Timeout Error', code: 'NETWORK_CONNECT_TIMEOUT_ERROR', helper: 'networkConnectTimeoutError' },
} as const;

type Catalog = typeof STATUS_CATALOG;

/** Every status code the catalog knows. */
export type KnownStatus = keyof Catalog;

/** The statuses that may leave as an error response: the catalog's 4xx and 5xx. */
export type ErrorStatus = {
  [S in KnownStatus]: Catalog[S] extends { code: string } ? S : never;
}[KnownStatus];

/** The default machine code of each error status (`404` → `'NOT_FOUND'`). */
export type StatusCode<S extends ErrorStatus = ErrorStatus> = Catalog[S] extends { code: infer C extends string } ? C : never;

/** The name of each status's helper in `errors` (`404` → `'notFound'`). */
export type HelperName<S extends ErrorStatus = ErrorStatus> = Catalog[S] extends { helper: infer H extends string } ? H : never;
