import { BlockList, SocketAddress } from 'node:net';
import * as fc from 'fast-check';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { describe, expect, it } from 'vitest';
import { createRateLimit, ipKey } from '../../src/kit.js';

describe('ipKey: the default rate-limit key of a client address', () => {
  it.each([
    ['203.0.113.7', 56, '203.0.113.7'],
    // IPv4-mapped, however written, is the IPv4 client (a dual-stack server's IPv4 clients).
    ['::ffff:203.0.113.7', 56, '203.0.113.7'],
    ['::FFFF:cb00:7107', 56, '203.0.113.7'],
    ['0:0:0:0:0:ffff:203.0.113.7', 56, '203.0.113.7'],
    // The deprecated IPv4-compatible notation, told from :: and ::1 by its dotted quad.
    ['::203.0.113.7', 56, '203.0.113.7'],
    ['::1', 56, '::/56'],
    ['::', 56, '::/56'],
    // An IPv6 address that merely ends in a dotted quad is IPv6: its own bits never pick the key.
    ['64:ff9b::203.0.113.7', 56, '64:ff9b::/56'],
    ['2001:db8:abcd:12ff:ffff:ffff:ffff:ffff', 56, '2001:db8:abcd:1200::/56'],
    ['2001:DB8:ABCD:1234:5678::9', 56, '2001:db8:abcd:1200::/56'],
    ['2001:db8:abcd:1234:5678::9', 64, '2001:db8:abcd:1234::/64'],
    ['2001:db8:abcd:1234:5678::9', 48, '2001:db8:abcd::/48'],
    ['2001:db8:abcd:1234:5678::9', 36, '2001:db8:a000::/36'],
    ['[2001:db8::1]', 56, '2001:db8::/56'],
    ['fe80::1%eth0', 64, 'fe80::/64'],
    ['2001:db8:0:0:1:0:0:1', false, '2001:db8::1:0:0:1'],
    // Not an address: its own key, unchanged.
    ['unknown', 56, 'unknown'],
    ['2001:db8::1::2', 56, '2001:db8::1::2'],
    ['1.2.3', 56, '1.2.3'],
    ['::ffff:999.1.1.1', 56, '::ffff:999.1.1.1'],
    ['', 56, ''],
  ] as const)('%s /%s → %s', (address, subnet, expected) => {
    expect(ipKey(address, subnet)).toBe(expected);
  });

  const ipv6 = fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 8, maxLength: 8 });

  it("the key is the network Node's own BlockList puts the address in, in Node's canonical notation", () => {
    fc.assert(
      fc.property(ipv6, fc.integer({ min: 32, max: 64 }), (groups, subnet) => {
        // Leave IPv4-mapped addresses to the table above.
        fc.pre(!(groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff));
        const address = groups.map((g) => g.toString(16)).join(':');
        const key = ipKey(address, subnet);
        const [network, length] = key.split('/') as [string, string];
        expect(Number(length)).toBe(subnet);
        expect(new SocketAddress({ address: network, family: 'ipv6' }).address).toBe(network);
        const list = new BlockList();
        list.addSubnet(network, subnet, 'ipv6');
        expect(list.check(address, 'ipv6')).toBe(true);
        // Every address of the same network has the same key.
        const sibling = [...groups];
        sibling[7] = (sibling[7] as number) ^ 0xffff;
        expect(ipKey(sibling.map((g) => g.toString(16)).join(':'), subnet)).toBe(key);
      }),
      { numRuns: 2000 },
    );
  });
});

const client = (address: string) => ({ address, trustsProxy: false, howToTrust: '' });

describe('the ipv6Subnet option', () => {
  const limiter = new RateLimiterMemory({ points: 1, duration: 1 });
  it.each([31, 65, 56.5, '56', true, null])('%s is refused at setup', (value) => {
    expect(() => createRateLimit({ limiter, ipv6Subnet: value as never })).toThrow(/option "ipv6Subnet" is .*; allowed: an integer from 32 to 64 or false/);
  });

  it('sets the prefix the default key keeps; false keys the whole address', () => {
    const request = { method: 'GET', path: '/' };

    expect(createRateLimit({ limiter }).clientKey(client('2001:db8:1:2:3::4'), request)).toBe('2001:db8:1::/56');
    expect(createRateLimit({ limiter, ipv6Subnet: 48 }).clientKey(client('2001:db8:1:2:3::4'), request)).toBe('2001:db8:1::/48');
    expect(createRateLimit({ limiter, ipv6Subnet: false }).clientKey(client('2001:db8:1:2:3::4'), request)).toBe('2001:db8:1:2:3::4');
    expect(createRateLimit({ limiter }).clientKey({ address: undefined, trustsProxy: false, howToTrust: '' }, request)).toBe('unknown');
  });
});
