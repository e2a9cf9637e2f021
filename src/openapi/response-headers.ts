import type { JsonSchema } from '../schemas/schema.js';
import type { OpenApiHeader } from './openapi-types.js';
import type { RenderedExample } from './rendered-example.js';

// Header names are case-insensitive; docs show them as the RFCs spell them.
const SPELLING: Readonly<Record<string, string>> = {
  'www-authenticate': 'WWW-Authenticate',
  'proxy-authenticate': 'Proxy-Authenticate',
  ratelimit: 'RateLimit',
  'ratelimit-policy': 'RateLimit-Policy',
  'ratelimit-limit': 'RateLimit-Limit',
  'ratelimit-remaining': 'RateLimit-Remaining',
  'ratelimit-reset': 'RateLimit-Reset',
  'x-ratelimit-limit': 'X-RateLimit-Limit',
  'x-ratelimit-remaining': 'X-RateLimit-Remaining',
  'x-ratelimit-reset': 'X-RateLimit-Reset',
};

/** `retry-after` → `Retry-After`, `www-authenticate` → `WWW-Authenticate`. */
export function headerSpelling(name: string): string {
  const lower = name.toLowerCase();
  return SPELLING[lower] ?? lower.replace(/(^|-)([a-z])/g, (_match, dash: string, letter: string) => dash + letter.toUpperCase());
}

const DESCRIPTIONS: Readonly<Record<string, string>> = {
  'retry-after': 'Seconds to wait before retrying (delay-seconds, RFC 9110 §10.2.3).',
  'www-authenticate': 'How to authenticate (RFC 9110 §11.6.1).',
  allow: 'The methods the resource supports (RFC 9110 §10.2.1).',
  'cache-control': 'Error responses are never stored: `no-store`.',
  connection: 'Names the hop-by-hop Upgrade field.',
};

const DELAY_SECONDS: JsonSchema = { type: 'integer', minimum: 0 };
const TEXT: JsonSchema = { type: 'string' };

/**
 * The protocol headers a status carries when the wait, the challenge or the methods are known
 * (DESIGN.md, "Rules the core keeps"): documented on every such response, required only where the
 * rendered example has them.
 */
const PROTOCOL_HEADERS: Readonly<Record<number, readonly string[]>> = {
  401: ['www-authenticate'],
  405: ['allow'],
  429: ['retry-after'],
  503: ['retry-after'],
};

/** The Header Objects of a response: every header the example was sent with, and the protocol ones of its status. */
export function responseHeaders(example: RenderedExample): Record<string, OpenApiHeader> {
  const headers: Record<string, OpenApiHeader> = {};
  // OpenAPI ignores a Content-Type header: the media type is the `content` key.
  for (const [name, value] of Object.entries(example.headers)) {
    if (name === 'content-type') continue;
    headers[headerSpelling(name)] = headerObject(name, true, value);
  }
  for (const name of PROTOCOL_HEADERS[example.status] ?? []) {
    headers[headerSpelling(name)] ??= headerObject(name, false);
  }
  return headers;
}

function headerObject(name: string, required: boolean, value?: string): OpenApiHeader {
  const delay = name === 'retry-after';
  const header: OpenApiHeader = {
    description: DESCRIPTIONS[name] ?? (required ? 'Sent with this error.' : 'Sent when known.'),
    required,
    schema: delay ? DELAY_SECONDS : TEXT,
  };
  if (value !== undefined) header.example = delay && /^\d+$/.test(value) ? Number(value) : value;
  return header;
}
