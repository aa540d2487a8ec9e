/**
 * What the worker's environment says about HTTP request nodes:
 * - THREADLINE_HTTP_ALLOW        comma-separated hostnames or CIDRs a journey may reach even
 *                                though they are private, e.g. "127.0.0.1/32,orders.internal"
 * - THREADLINE_SECRET_<NAME>     the value of `{{ secrets.NAME }}` in a URL, header or body
 * - THREADLINE_HTTP_RATE_PER_HOST calls per destination host, e.g. "10/s" (the default) or
 *                                "off"; per worker process (throttle.ts): a request over it
 *                                waits its turn before the call
 * Secrets live only in the worker's environment and in the activity that renders them, so they
 * never enter a workflow's history.
 */
import { parseCidr, type Cidr } from './httpRequestAddresses';
import { DEFAULT_HTTP_RATE_PER_HOST, parseHttpRatePerHost, type Rate } from './throttleRates';

export interface HttpAllowList {
  /** Lower-cased hostnames, matched exactly: every address they resolve to is allowed. */
  hostnames: readonly string[];
  cidrs: readonly Cidr[];
}

export interface HttpRequestSettings {
  allow: HttpAllowList;
  secrets: Readonly<Record<string, string>>;
  /** Calls per destination host; absent or null: unthrottled. */
  ratePerHost?: Rate | null;
}

const SECRET_PREFIX = 'THREADLINE_SECRET_';

/** Throws naming the entry when THREADLINE_HTTP_ALLOW holds something that is neither. */
export function readHttpRequestSettings(env: Readonly<Record<string, string | undefined>>): HttpRequestSettings {
  const secrets: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (key.startsWith(SECRET_PREFIX) && key.length > SECRET_PREFIX.length && value !== undefined && value !== '') {
      secrets[key.slice(SECRET_PREFIX.length)] = value;
    }
  }
  let ratePerHost: Rate | null;
  try {
    ratePerHost = parseHttpRatePerHost(env.THREADLINE_HTTP_RATE_PER_HOST ?? DEFAULT_HTTP_RATE_PER_HOST);
  } catch (error) {
    throw new Error(`THREADLINE_HTTP_RATE_PER_HOST: ${(error as Error).message}`);
  }
  return { allow: parseHttpAllowList(env.THREADLINE_HTTP_ALLOW ?? ''), secrets, ratePerHost };
}

export function parseHttpAllowList(text: string): HttpAllowList {
  const hostnames: string[] = [];
  const cidrs: Cidr[] = [];
  for (const entry of text.split(',').map((part) => part.trim()).filter((part) => part !== '')) {
    const unbracketed = entry.replace(/^\[(.*)\](\/\d+)?$/, '$1$2');
    const cidr = parseCidr(unbracketed);
    if (cidr) {
      cidrs.push(cidr);
    } else if (/^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*\.?$/.test(entry)) {
      hostnames.push(entry.toLowerCase().replace(/\.$/, ''));
    } else {
      throw new Error(`THREADLINE_HTTP_ALLOW: "${entry}" is neither a hostname nor a CIDR such as 10.0.0.0/8`);
    }
  }
  return { hostnames, cidrs };
}

export const emptyHttpRequestSettings: HttpRequestSettings = { allow: { hostnames: [], cidrs: [] }, secrets: {} };
