import { decodeBody } from '../client/body.js';
import type { EnvelopeName } from '../envelopes/envelope.js';
import { ENVELOPES } from '../envelopes/index.js';
import { checkSchema } from '../schemas/check.js';
import { envelopeSchemas } from '../schemas/index.js';
import { hint, printExpected, show, type MatcherContext, type MatcherResult } from './matcher-context.js';
import { isPromise, readReceived, type ReadResponse } from './received.js';

/**
 * `expect(response).toMatchEnvelope('problem-details')`: the body is valid against the envelope's
 * JSON Schema (`envelopeSchemas`), the content type is the envelope's, and a status the body
 * repeats is the response's. Returns a promise for a fetch `Response` (await the assertion).
 */
export function toMatchEnvelope(this: MatcherContext, received: unknown, envelope: EnvelopeName): MatcherResult | Promise<MatcherResult> {
  if (typeof envelope !== 'string' || !Object.hasOwn(envelopeSchemas, envelope)) {
    throw new TypeError(`toMatchEnvelope takes an envelope name (${Object.keys(envelopeSchemas).join(', ')}), not ${show(envelope)}`);
  }
  const read = readReceived(received, 'toMatchEnvelope');
  return isPromise(read) ? read.then((response) => judge(this, response, envelope)) : judge(this, read, envelope);
}

function judge(context: MatcherContext, response: ReadResponse, envelope: EnvelopeName): MatcherResult {
  const problems: string[] = [];
  const expectedType = mediaType(ENVELOPES[envelope].contentType);
  if (response.headers !== undefined && mediaType(response.contentType ?? '') !== expectedType) {
    problems.push(`content-type: expected ${printExpected(context, expectedType)}, received ${response.contentType === undefined ? 'none' : printExpected(context, response.contentType)}`);
  }
  const decoded = decodeBody(response.body);
  if (decoded.kind === 'none') problems.push('there is no body (a HEAD request, or a 204/304?)');
  else if (decoded.kind === 'text') problems.push('the body is not JSON');
  else {
    for (const violation of checkSchema(envelopeSchemas[envelope], decoded.value)) {
      problems.push(`${violation.pointer === '' ? '(the body)' : violation.pointer} ${violation.message}`);
    }
    const repeated = repeatedStatus(envelope, decoded.value);
    if (repeated !== undefined && repeated !== response.status) problems.push(`the body says status ${String(repeated)}, the response ${response.status}`);
  }
  const pass = problems.length === 0;
  const title = hint(context, 'toMatchEnvelope', JSON.stringify(envelope));
  const body = decoded.kind === 'none' ? 'none' : decoded.kind === 'text' ? decoded.value.slice(0, 2000) : show(decoded.value);
  return {
    pass,
    message: () =>
      pass
        ? `${title}\n\nExpected the response not to be a valid ${envelope} body, but it is.\n\nReceived body: ${body}`
        : [title, '', `Expected a ${envelope} body (${expectedType}); it breaks the envelope's JSON Schema:`, ...problems.map((p) => `  ${p}`), '', `Received body: ${body}`].join('\n'),
  };
}

function mediaType(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

// problem-details repeats the status as `status`, status-object as `status.code`.
function repeatedStatus(envelope: EnvelopeName, body: unknown): unknown {
  if (typeof body !== 'object' || body === null) return undefined;
  const status = (body as { status?: unknown }).status;
  if (envelope === 'problem-details') return status;
  if (envelope === 'status-object' && typeof status === 'object' && status !== null) return (status as { code?: unknown }).code;
  return undefined;
}
