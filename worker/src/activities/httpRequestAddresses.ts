/**
 * What kind of address an HTTP request would reach. A journey's URL is written by a flow author
 * and filled from contact data, so without this check a flow could read the cloud's metadata
 * service (169.254.169.254), the worker's own admin ports or anything else on the private
 * network. Addresses are compared as bytes, so every spelling of one address (`::ffff:7f00:1`,
 * `::ffff:127.0.0.1`) lands in the same range.
 */
import { isIPv4, isIPv6 } from 'node:net';

export type AddressKind =
  | 'public'
  | 'private'
  | 'loopback'
  | 'link-local'
  | 'unique-local'
  | 'multicast'
  | 'unspecified'
  | 'reserved';

export interface IpAddress {
  family: 4 | 6;
  /** 4 bytes for IPv4, 16 for IPv6. */
  bytes: readonly number[];
}

/** Parses an IPv4 or IPv6 literal (no brackets, no zone); undefined when it is neither. */
export function parseIpAddress(text: string): IpAddress | undefined {
  if (isIPv4(text)) return { family: 4, bytes: text.split('.').map(Number) };
  if (!isIPv6(text) || text.includes('%')) return undefined;
  return { family: 6, bytes: ipv6Bytes(text) };
}

function ipv6Bytes(text: string): number[] {
  // A trailing dotted quad (`::ffff:127.0.0.1`) stands for the last two groups.
  let groupsText = text;
  const lastColon = text.lastIndexOf(':');
  const tail = text.slice(lastColon + 1);
  if (tail.includes('.')) {
    const [a = 0, b = 0, c = 0, d = 0] = tail.split('.').map(Number);
    groupsText = `${text.slice(0, lastColon + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', rest] = groupsText.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const restGroups = rest === undefined || rest === '' ? [] : rest.split(':');
  const zeros = rest === undefined ? [] : Array<string>(8 - headGroups.length - restGroups.length).fill('0');
  return [...headGroups, ...zeros, ...restGroups].flatMap((group) => {
    const value = Number.parseInt(group, 16);
    return [value >> 8, value & 0xff];
  });
}

interface Range {
  family: 4 | 6;
  prefix: readonly number[];
  bits: number;
  kind: Exclude<AddressKind, 'public'>;
}

const range = (cidr: string, kind: Range['kind']): Range => {
  const parsed = parseCidr(cidr);
  if (!parsed) throw new Error(`bad built-in range ${cidr}`);
  return { ...parsed, kind };
};

/** Ranges a journey never reaches unless allow-listed (IANA special-purpose registries). */
const SPECIAL_RANGES: readonly Range[] = [
  range('0.0.0.0/8', 'unspecified'),
  range('10.0.0.0/8', 'private'),
  range('100.64.0.0/10', 'private'),
  range('127.0.0.0/8', 'loopback'),
  range('169.254.0.0/16', 'link-local'),
  range('172.16.0.0/12', 'private'),
  range('192.0.0.0/24', 'reserved'),
  range('192.0.2.0/24', 'reserved'),
  range('192.168.0.0/16', 'private'),
  range('198.18.0.0/15', 'reserved'),
  range('198.51.100.0/24', 'reserved'),
  range('203.0.113.0/24', 'reserved'),
  range('224.0.0.0/4', 'multicast'),
  range('240.0.0.0/4', 'reserved'),
  range('::/128', 'unspecified'),
  range('::1/128', 'loopback'),
  range('100::/64', 'reserved'),
  range('2001:db8::/32', 'reserved'),
  range('fc00::/7', 'unique-local'),
  range('fe80::/10', 'link-local'),
  range('fec0::/10', 'private'),
  range('ff00::/8', 'multicast'),
];

/**
 * The kind of an address. An IPv6 address that carries an IPv4 one (mapped `::ffff:0:0/96`,
 * compatible `::/96`, NAT64 `64:ff9b::/96`, 6to4 `2002::/16`) is judged by the IPv4 address,
 * since that is where the packets end up.
 */
export function classifyAddress(address: IpAddress): AddressKind {
  const embedded = embeddedIpv4(address);
  if (embedded) return classifyAddress(embedded);
  const special = SPECIAL_RANGES.find((candidate) => inRange(address, candidate));
  return special?.kind ?? 'public';
}

function embeddedIpv4(address: IpAddress): IpAddress | undefined {
  if (address.family !== 6) return undefined;
  const { bytes } = address;
  const zeroUntil = (end: number) => bytes.slice(0, end).every((byte) => byte === 0);
  const last4 = bytes.slice(12, 16);
  if (zeroUntil(10) && bytes[10] === 0xff && bytes[11] === 0xff) return { family: 4, bytes: last4 };
  // `::` and `::1` are IPv6's own unspecified and loopback addresses, not IPv4-compatible ones.
  if (zeroUntil(12) && !(zeroUntil(15) && (bytes[15] ?? 0) <= 1)) return { family: 4, bytes: last4 };
  const nat64 = [0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0];
  if (nat64.every((byte, index) => bytes[index] === byte)) return { family: 4, bytes: last4 };
  if (bytes[0] === 0x20 && bytes[1] === 0x02) return { family: 4, bytes: bytes.slice(2, 6) };
  return undefined;
}

export interface Cidr {
  family: 4 | 6;
  prefix: readonly number[];
  bits: number;
}

/** `10.0.0.0/8`, `fd00::/8`, or a bare address (all its bits); undefined when malformed. */
export function parseCidr(text: string): Cidr | undefined {
  const [addressText = '', bitsText, extra] = text.split('/');
  if (extra !== undefined) return undefined;
  const address = parseIpAddress(addressText);
  if (!address) return undefined;
  const maxBits = address.family === 4 ? 32 : 128;
  const bits = bitsText === undefined ? maxBits : /^\d{1,3}$/.test(bitsText) ? Number(bitsText) : Number.NaN;
  if (!(bits >= 0 && bits <= maxBits)) return undefined;
  return { family: address.family, prefix: address.bytes, bits };
}

export function inRange(address: IpAddress, cidr: Cidr): boolean {
  if (address.family !== cidr.family) {
    const embedded = embeddedIpv4(address);
    return embedded !== undefined && inRange(embedded, cidr);
  }
  for (let bit = 0; bit < cidr.bits; bit += 8) {
    const take = Math.min(8, cidr.bits - bit);
    const mask = (0xff << (8 - take)) & 0xff;
    const index = bit / 8;
    if (((address.bytes[index] ?? 0) & mask) !== ((cidr.prefix[index] ?? 0) & mask)) return false;
  }
  return true;
}
