import { describe, expect, it } from 'vitest';
import { vetDestination, type ResolveHost } from './httpRequestDestination';
import { parseHttpAllowList, readHttpRequestSettings } from './httpRequestSettings';

describe('readHttpRequestSettings', () => {
  it('takes secrets from THREADLINE_SECRET_<NAME> and the allow-list from THREADLINE_HTTP_ALLOW', () => {
    const settings = readHttpRequestSettings({
      THREADLINE_SECRET_ORDERS_API_TOKEN: 'tok-123',
      THREADLINE_SECRET_EMPTY: '',
      THREADLINE_HTTP_ALLOW: '127.0.0.1/32, Orders.Internal ,[fd00::]/8',
      PATH: '/usr/bin',
    });
    expect(settings.secrets).toEqual({ ORDERS_API_TOKEN: 'tok-123' });
    expect(settings.allow.hostnames).toEqual(['orders.internal']);
    expect(settings.allow.cidrs.map((cidr) => [cidr.family, cidr.bits])).toEqual([
      [4, 32],
      [6, 8],
    ]);
  });

  it('refuses an allow-list entry that is neither a hostname nor a CIDR, naming it', () => {
    expect(() => parseHttpAllowList('10.0.0.0/8,http://x')).toThrow('THREADLINE_HTTP_ALLOW: "http://x" is neither a hostname nor a CIDR');
  });
});

describe('vetDestination', () => {
  const resolveTo =
    (...addresses: string[]): ResolveHost =>
    async () =>
      addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  const nothingAllowed = parseHttpAllowList('');

  it('connects to the first address of a host whose addresses are all public', async () => {
    expect(await vetDestination('api.example.com', nothingAllowed, resolveTo('93.184.215.14', '2606:4700::1'))).toEqual({
      ok: true,
      address: { address: '93.184.215.14', family: 4 },
    });
  });

  it('refuses a host with one private address among public ones, naming the address and its kind', async () => {
    expect(await vetDestination('rebind.example.com', nothingAllowed, resolveTo('93.184.215.14', '10.0.0.5'))).toEqual({
      ok: false,
      reason: 'rebind.example.com resolves to 10.0.0.5, a private address: refused (allow it with THREADLINE_HTTP_ALLOW)',
    });
  });

  it('refuses a literal loopback address, IPv6 in brackets included', async () => {
    expect(await vetDestination('[::1]', nothingAllowed, resolveTo())).toMatchObject({ ok: false, reason: expect.stringContaining('::1, a loopback address') });
  });

  it('lets an allow-listed CIDR or hostname through', async () => {
    expect(await vetDestination('127.0.0.1', parseHttpAllowList('127.0.0.1/32'), resolveTo())).toMatchObject({ ok: true });
    expect(await vetDestination('127.0.0.2', parseHttpAllowList('127.0.0.1/32'), resolveTo())).toMatchObject({ ok: false });
    expect(await vetDestination('orders.internal', parseHttpAllowList('orders.internal'), resolveTo('10.1.2.3'))).toEqual({
      ok: true,
      address: { address: '10.1.2.3', family: 4 },
    });
  });

  it('fails a host that resolves to nothing', async () => {
    expect(await vetDestination('void.example.com', nothingAllowed, resolveTo())).toEqual({
      ok: false,
      reason: 'void.example.com does not resolve to any address',
    });
  });
});
