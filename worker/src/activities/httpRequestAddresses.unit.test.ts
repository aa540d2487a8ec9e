import { describe, expect, it } from 'vitest';
import { classifyAddress, inRange, parseCidr, parseIpAddress, type AddressKind } from './httpRequestAddresses';

function kindOf(text: string): AddressKind {
  const address = parseIpAddress(text);
  if (!address) throw new Error(`${text} does not parse`);
  return classifyAddress(address);
}

describe('classifyAddress', () => {
  it.each<[string, AddressKind]>([
    ['10.0.0.1', 'private'],
    ['10.255.255.255', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.254', 'private'],
    ['192.168.1.20', 'private'],
    ['100.64.0.1', 'private'],
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['169.254.169.254', 'link-local'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.251', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456:789a::1', 'unique-local'],
    ['fe80::1', 'link-local'],
    ['febf:ffff::1', 'link-local'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.1.2.3', 'private'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['64:ff9b::a00:1', 'private'],
    ['2002:c0a8:101::1', 'private'],
    ['::7f00:1', 'loopback'],
  ])('refuses %s as %s', (address, kind) => {
    expect(kindOf(address)).toBe(kind);
  });

  it.each(['8.8.8.8', '93.184.215.14', '172.15.255.255', '172.32.0.1', '192.169.0.1', '11.0.0.1', '2606:4700::6810:84e5', '::ffff:8.8.8.8', '2001:4860:4860::8888'])(
    'lets the public address %s through',
    (address) => {
      expect(kindOf(address)).toBe('public');
    },
  );

  it('parses nothing that is not an address, nor an address with a zone', () => {
    expect(parseIpAddress('example.com')).toBeUndefined();
    expect(parseIpAddress('256.0.0.1')).toBeUndefined();
    expect(parseIpAddress('fe80::1%eth0')).toBeUndefined();
  });
});

describe('parseCidr and inRange', () => {
  it('matches the addresses inside a prefix and no others', () => {
    const cidr = parseCidr('172.16.0.0/12');
    if (!cidr) throw new Error('no cidr');
    expect(inRange({ family: 4, bytes: [172, 31, 0, 1] }, cidr)).toBe(true);
    expect(inRange({ family: 4, bytes: [172, 32, 0, 1] }, cidr)).toBe(false);
  });

  it('reads a bare address as all its bits, and an IPv4-mapped IPv6 address against an IPv4 prefix', () => {
    const single = parseCidr('127.0.0.1');
    const mapped = parseIpAddress('::ffff:127.0.0.1');
    if (!single || !mapped) throw new Error('does not parse');
    expect(single.bits).toBe(32);
    expect(inRange(mapped, single)).toBe(true);
  });

  it.each(['10.0.0.0/33', '10.0.0.0/', '10.0.0.0/8/8', 'fd00::/129', 'example.com/8'])('refuses the malformed %s', (text) => {
    expect(parseCidr(text)).toBeUndefined();
  });
});
