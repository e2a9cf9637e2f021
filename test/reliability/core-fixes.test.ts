import { describe, expect, it } from 'vitest';
import { createFaultline, errors } from '../../src/index.js';

// Defects the property and conformance tests found in the core, pinned at the unit level.
describe('core fixes found by the reliability suite', () => {
  const faultline = createFaultline();
  const handle = (thrown: unknown) => faultline.handle(thrown, { method: 'GET', path: '/x' });

  it('426: Upgrade is sent with Connection: upgrade (RFC 9110 §7.8), and only then', () => {
    expect(handle(errors.upgradeRequired(undefined, { headers: { Upgrade: 'TLS/1.3' } })).headers).toMatchObject({
      upgrade: 'TLS/1.3',
      connection: 'upgrade',
    });
    expect(handle(errors.upgradeRequired()).headers['connection']).toBeUndefined();
    expect(handle(errors.notFound()).headers['connection']).toBeUndefined();
  });

  it('an ajv look-alike whose instancePath is not a JSON pointer points at the whole location', () => {
    const thrown = [
      { instancePath: '\r', keyword: 'required', params: {} },
      { instancePath: ' /x', keyword: 'type', params: {} },
      { instancePath: '/a~b', keyword: 'type', params: {} },
      { instancePath: '/a~1b/0', keyword: 'type', params: {} },
    ];
    expect(faultline.normalize(thrown).issues?.map((issue) => issue.pointer)).toEqual(['', '', '', '/a~1b/0']);
    const body = JSON.parse(handle(thrown).body as string) as { errors: { pointer: string }[] };
    expect(body.errors.map((e) => e.pointer)).toEqual(['#', '#', '#', '#/a~1b/0']);
  });
});
