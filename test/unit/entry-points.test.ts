import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as root from '../../src/index.js';
import * as kit from '../../src/kit.js';

// The root is a contract route authors rely on: a name added here is a name we can never take back.
const ROOT_VALUES = [
  'ClientError',
  'ENVELOPES',
  'HttpError',
  'STATUS_CATALOG',
  'createFaultline',
  'defineEnvelope',
  'defineErrors',
  'envelopeSchemas',
  'errors',
  'isClientError',
  'isHttpError',
  'isUnexpected',
  'logErrors',
  'map',
  'missingScope',
  'normalize',
  'notReady',
  'openApiErrors',
  'parseErrorResponse',
  'precompiledValidators',
  'presets',
  'render',
  'retryDelay',
  'withErrorResponses',
  'x402PaymentRequired',
];

/** Names (values and types) in the root's export lists, read from the source. */
function declaredRootNames(): string[] {
  const source = readFileSync(new URL('../../src/index.ts', import.meta.url), 'utf8');
  const names: string[] = [];
  for (const [, list] of source.matchAll(/export\s+(?:type\s+)?\{([^}]*)\}/g)) {
    for (const part of (list as string).split(',')) {
      const name = part.trim().replace(/^type\s+/, '').split(' as ').pop()?.trim();
      if (name) names.push(name);
    }
  }
  return names;
}

describe('entry points', () => {
  it('the root exports exactly the route author\'s values', () => {
    expect(Object.keys(root).toSorted()).toEqual([...ROOT_VALUES].toSorted());
  });

  it('the root stays at most 50 names, types included', () => {
    const names = declaredRootNames();
    expect(new Set(names).size).toBe(names.length);
    expect(names.length).toBeLessThanOrEqual(50);
  });

  it('the kit carries what adapters need, and none of the route author\'s presets or client', () => {
    const adapterNeeds = ['createFaultline', 'routeNotFound', 'STALE_HEADERS', 'isStaleHeader', 'preparedBody', 'BODY_MESSAGES', 'createRateLimit', 'isInProcessLimiter', 'createRequestValidator', 'compilerFor', 'sharedAjvs', 'precompiledValidators'];
    // A framework's default logger, and the checks of an adapter's own options.
    const thirdParty = ['logToConsole', 'thrownText', 'checkOptions', 'checkValue', 'FAULTLINE_OPTION_RULES', 'RATE_LIMIT_OPTION_RULES', 'VALIDATE_OPTION_RULES', 'oneOf', 'satisfies'];
    for (const name of [...adapterNeeds, ...thirdParty]) {
      expect(kit, name).toHaveProperty(name);
    }
    for (const name of ['presets', 'parseErrorResponse', 'retryDelay', 'ClientError']) {
      expect(kit, name).not.toHaveProperty(name);
    }
  });

  it('isUnexpected: 5xx, which every unrecognised throwable becomes; never a 4xx', () => {
    const core = root.createFaultline();
    expect(root.isUnexpected(core.normalize(new TypeError('x')))).toBe(true);
    expect(root.isUnexpected(core.normalize('text'))).toBe(true);
    expect(root.isUnexpected(core.normalize(root.errors.serviceUnavailable()))).toBe(true);
    expect(root.isUnexpected(core.normalize(root.errors.notFound()))).toBe(false);
    expect(root.isUnexpected(core.normalize(root.errors.tooManyRequests()))).toBe(false);
    expect(root.isUnexpected(core.normalize(root.errors.clientClosedRequest()))).toBe(false);
  });

  it('a preset carries its documented catalog', () => {
    expect(root.presets.statusObject.errors.INVALID_TOKEN().status).toBe(401);
    expect(root.presets.reasonDetails.errors.RATE_LIMITED.code).toBe('RATE_LIMITED');
  });
});
