/**
 * Rates for the worker's throttles, as the environment writes them (config.ts):
 * - a rate is `<count>/s`, `<count>/min` or `<count>/h`, e.g. "50/s", "600/min";
 * - THREADLINE_SEND_RATE is one rate for every provider ("20/s"), or `<provider>=<rate>` pairs
 *   with an optional bare default ("sandbox=50/s,twilio=30/s,10/s"), or "off";
 * - THREADLINE_HTTP_RATE_PER_HOST is one rate applied to each destination host, or "off".
 */

export interface Rate {
  /** Steady rate the bucket refills at. */
  perSecond: number;
  /** How many may go at once after a quiet spell: one second's worth, at least one. */
  burst: number;
  /** As written, for logs and summaries: "10/s". */
  text: string;
}

export interface SendRates {
  /** By provider name (`ChannelProvider.name`). */
  byProvider: Readonly<Record<string, Rate>>;
  /** For providers not named; null: unthrottled. */
  fallback: Rate | null;
}

export const DEFAULT_SEND_RATE = '50/s';
export const DEFAULT_HTTP_RATE_PER_HOST = '10/s';
export const unthrottledSends: SendRates = { byProvider: {}, fallback: null };

const UNIT_SECONDS: Readonly<Record<string, number>> = { s: 1, sec: 1, min: 60, m: 60, h: 3600 };

/** "10/s" → 10 per second. Throws naming what is wrong. */
export function parseRate(text: string): Rate {
  const match = /^\s*(\d+(?:\.\d+)?)\s*\/\s*([a-z]+)\s*$/i.exec(text);
  const seconds = match ? UNIT_SECONDS[match[2]!.toLowerCase()] : undefined;
  if (!match || seconds === undefined) throw new Error(`"${text}" is not a rate such as 10/s, 600/min or 1000/h`);
  const count = Number(match[1]);
  if (!(count > 0)) throw new Error(`"${text}": the rate must be more than 0 (use "off" for none)`);
  const perSecond = count / seconds;
  return { perSecond, burst: Math.max(1, Math.floor(perSecond)), text: `${match[1]}/${match[2]!.toLowerCase()}` };
}

/** "off", one rate, or `name=rate` pairs with an optional bare default. */
export function parseSendRates(text: string): SendRates {
  if (text.trim().toLowerCase() === 'off') return unthrottledSends;
  const byProvider: Record<string, Rate> = {};
  let fallback: Rate | null = null;
  for (const entry of text.split(',').map((part) => part.trim()).filter((part) => part !== '')) {
    const equals = entry.indexOf('=');
    if (equals === -1) {
      if (fallback !== null) throw new Error(`"${text}" gives more than one default rate`);
      fallback = parseRate(entry);
      continue;
    }
    const name = entry.slice(0, equals).trim();
    if (!/^[a-z0-9_-]+$/i.test(name)) throw new Error(`"${entry}": "${name}" is not a provider name`);
    if (name in byProvider) throw new Error(`"${text}" gives ${name} two rates`);
    byProvider[name] = parseRate(entry.slice(equals + 1));
  }
  return { byProvider, fallback };
}

/** One rate per destination host, or null for "off". */
export function parseHttpRatePerHost(text: string): Rate | null {
  return text.trim().toLowerCase() === 'off' ? null : parseRate(text);
}

export function sendRateFor(rates: SendRates, provider: string): Rate | null {
  return rates.byProvider[provider] ?? rates.fallback;
}
