/** The IPv6 prefix length client addresses are keyed by by default: one home or small-office connection. */
export const DEFAULT_IPV6_SUBNET = 56;

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const GROUP = /^[0-9a-f]{1,4}$/i;

/**
 * The rate-limit key of a client address, as express-rate-limit's `ipKeyGenerator` makes it: an
 * IPv4 address as it is; an IPv4-mapped IPv6 address (`::ffff:1.2.3.4`, however written) as the
 * IPv4 address it is, so a dual-stack server counts one client once; any other IPv6 address as its
 * `/ipv6Subnet` network in CIDR notation (`2001:db8:1234:5600::/56`), because one subscriber holds
 * a whole /64 or /56 and could otherwise take a fresh address, and a fresh bucket, per request.
 * `false` keys by the full address. Anything that is not an address (`'unknown'`) is its own key.
 */
export function ipKey(address: string, ipv6Subnet: number | false = DEFAULT_IPV6_SUBNET): string {
  if (IPV4.test(address)) return address;
  const groups = parseIpv6(address);
  if (groups === undefined) return address;
  const mapped = embeddedIpv4(groups, address);
  if (mapped !== undefined) return mapped;
  if (ipv6Subnet === false) return formatIpv6(groups);
  return `${formatIpv6(masked(groups, ipv6Subnet))}/${ipv6Subnet}`;
}

/** The eight 16-bit groups of an IPv6 address (zone and brackets dropped), or undefined. */
function parseIpv6(text: string): number[] | undefined {
  let address = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  const zone = address.indexOf('%');
  if (zone !== -1) address = address.slice(0, zone);
  if (address.length > 45 || !address.includes(':')) return undefined;
  const lastColon = address.lastIndexOf(':');
  const last = address.slice(lastColon + 1);
  if (last.includes('.')) {
    // A trailing dotted quad is the last two groups: `::ffff:1.2.3.4` is `::ffff:102:304`.
    if (!IPV4.test(last)) return undefined;
    const [a, b, c, d] = last.split('.').map(Number) as [number, number, number, number];
    address = `${address.slice(0, lastColon + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = address.split('::');
  if (halves.length > 2) return undefined;
  const head = parseGroups(halves[0] as string);
  const rest = halves.length === 2 ? parseGroups(halves[1] as string) : [];
  if (head === undefined || rest === undefined) return undefined;
  const present = head.length + rest.length;
  if (halves.length === 1 ? present !== 8 : present > 7) return undefined;
  return [...head, ...Array.from({ length: 8 - present }, () => 0), ...rest];
}

function parseGroups(text: string): number[] | undefined {
  if (text === '') return [];
  const groups: number[] = [];
  for (const part of text.split(':')) {
    if (!GROUP.test(part)) return undefined;
    groups.push(Number.parseInt(part, 16));
  }
  return groups;
}

/**
 * The IPv4 address inside an IPv4-mapped address (`::ffff:0:0/96`, RFC 4291 §2.5.5.2), or inside
 * the deprecated IPv4-compatible notation written with a dotted quad (`::1.2.3.4`): the first 96
 * bits zero, told apart from `::` and `::1` by the notation, as express-rate-limit does.
 */
function embeddedIpv4(groups: readonly number[], written: string): string | undefined {
  const zeros = groups.slice(0, 5).every((group) => group === 0);
  const mapped = zeros && groups[5] === 0xffff;
  const compatible = zeros && groups[5] === 0 && written.includes('.');
  if (!mapped && !compatible) return undefined;
  const high = groups[6] as number;
  const low = groups[7] as number;
  return `${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`;
}

function masked(groups: readonly number[], prefix: number): number[] {
  return groups.map((group, index) => {
    const bits = Math.min(16, Math.max(0, prefix - index * 16));
    return bits === 0 ? 0 : group & ((0xffff << (16 - bits)) & 0xffff);
  });
}

/** RFC 5952: lower case, no leading zeros, the longest run of two or more zero groups as `::`. */
function formatIpv6(groups: readonly number[]): string {
  let bestStart = -1;
  let bestLength = 1;
  for (let start = 0; start < 8; ) {
    if (groups[start] !== 0) {
      start++;
      continue;
    }
    let end = start;
    while (end < 8 && groups[end] === 0) end++;
    if (end - start > bestLength) {
      bestStart = start;
      bestLength = end - start;
    }
    start = end;
  }
  const hex = groups.map((group) => group.toString(16));
  if (bestStart === -1) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}
