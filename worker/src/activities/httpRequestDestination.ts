import { classifyAddress, inRange, parseIpAddress } from './httpRequestAddresses';
import type { HttpAllowList } from './httpRequestSettings';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Every address a hostname resolves to (node:dns in the worker). */
export type ResolveHost = (hostname: string) => Promise<ResolvedAddress[]>;

export type Destination = { ok: true; address: ResolvedAddress } | { ok: false; reason: string };

/**
 * Where a request may go: the host's addresses, each of them public or allow-listed. One bad
 * address refuses the host (a name that resolves to a public and a private address is a
 * classic rebinding set-up), and the request then connects to the address vetted here, never
 * to a second lookup's answer.
 */
export async function vetDestination(hostname: string, allow: HttpAllowList, resolve: ResolveHost): Promise<Destination> {
  const host = hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase().replace(/\.$/, '');
  const literal = parseIpAddress(host);
  const addresses: ResolvedAddress[] = literal ? [{ address: host, family: literal.family }] : await resolve(host);
  const first = addresses[0];
  if (!first) return { ok: false, reason: `${host} does not resolve to any address` };
  if (allow.hostnames.includes(host)) return { ok: true, address: first };
  for (const { address } of addresses) {
    const parsed = parseIpAddress(address);
    if (!parsed) return { ok: false, reason: `${host} resolves to "${address}", which is not an IP address` };
    const kind = classifyAddress(parsed);
    if (kind !== 'public' && !allow.cidrs.some((cidr) => inRange(parsed, cidr))) {
      const resolved = literal ? host : `${host} resolves to ${address}`;
      return { ok: false, reason: `${resolved}, a ${kind} address: refused (allow it with THREADLINE_HTTP_ALLOW)` };
    }
  }
  return { ok: true, address: first };
}
