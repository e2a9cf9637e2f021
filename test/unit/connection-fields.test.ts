import createError from 'http-errors';
import { describe, expect, it } from 'vitest';
import { createFaultline, errors } from '../../src/index.js';

const core = createFaultline({ exposeHeaders: ['connection', 'keep-alive', 'transfer-encoding', 'proxy-connection'] });
const thrown = () =>
  createError(400, 'x', { headers: { Connection: 'close', 'Keep-Alive': 'timeout=5', 'Transfer-Encoding': 'chunked', 'Proxy-Connection': 'keep-alive', Upgrade: 'h2c' } });
const request = (httpVersion?: string) => ({ method: 'GET', path: '/x', ...(httpVersion === undefined ? {} : { httpVersion }) });

describe('connection-specific fields follow the request\'s HTTP version', () => {
  it.each(['2.0', '2', '3'])('HTTP/%s: none at all, whatever the error set (RFC 9113 §8.2.2)', (version) => {
    const { headers } = core.handle(thrown(), request(version));
    for (const name of ['connection', 'upgrade', 'keep-alive', 'transfer-encoding', 'proxy-connection']) expect(headers[name], name).toBeUndefined();
    expect(core.handle(errors.upgradeRequired(undefined, { headers: { Upgrade: 'TLS/1.3' } }), request(version)).headers).not.toHaveProperty('upgrade');
  });

  it.each(['1.1', '1.0', undefined])('HTTP/%s: Upgrade is named in Connection (RFC 9110 §7.8)', (version) => {
    const { headers } = core.handle(errors.upgradeRequired(undefined, { headers: { Upgrade: 'TLS/1.3' } }), request(version));
    expect(headers).toMatchObject({ upgrade: 'TLS/1.3', connection: 'upgrade' });
  });

  it('Transfer-Encoding never comes from an error, on any version: the adapter frames the body', () => {
    for (const version of ['1.1', '2.0', undefined]) expect(core.handle(thrown(), request(version)).headers['transfer-encoding']).toBeUndefined();
  });

  it('HTTP/1.1 keeps the other fields an app allowed with exposeHeaders', () => {
    expect(core.handle(thrown(), request('1.1')).headers).toMatchObject({ connection: 'upgrade', 'keep-alive': 'timeout=5', upgrade: 'h2c' });
  });
});
