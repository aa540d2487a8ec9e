import { describe, expect, it } from 'vitest';
import { parseHttpRatePerHost, parseRate, parseSendRates, sendRateFor } from './throttleRates';

describe('throttle rates', () => {
  it('reads a rate per second, minute or hour, with a burst of one second’s worth', () => {
    expect(parseRate('10/s')).toEqual({ perSecond: 10, burst: 10, text: '10/s' });
    expect(parseRate(' 600 / MIN ')).toEqual({ perSecond: 10, burst: 10, text: '600/min' });
    expect(parseRate('1800/h')).toEqual({ perSecond: 0.5, burst: 1, text: '1800/h' });
  });

  it('refuses a rate it cannot read, and zero', () => {
    expect(() => parseRate('fast')).toThrow('"fast" is not a rate such as 10/s, 600/min or 1000/h');
    expect(() => parseRate('10/week')).toThrow('is not a rate');
    expect(() => parseRate('0/s')).toThrow('the rate must be more than 0 (use "off" for none)');
  });

  it('gives each named provider its rate and the others the bare default', () => {
    const rates = parseSendRates('sandbox=50/s,twilio=30/s,5/s');
    expect(sendRateFor(rates, 'sandbox')?.perSecond).toBe(50);
    expect(sendRateFor(rates, 'twilio')?.perSecond).toBe(30);
    expect(sendRateFor(rates, 'smtp')?.perSecond).toBe(5);
    expect(sendRateFor(parseSendRates('sandbox=50/s'), 'smtp')).toBeNull();
    expect(sendRateFor(parseSendRates('off'), 'sandbox')).toBeNull();
  });

  it('refuses two defaults, a provider named twice, and a bad name', () => {
    expect(() => parseSendRates('5/s,6/s')).toThrow('more than one default rate');
    expect(() => parseSendRates('sandbox=5/s,sandbox=6/s')).toThrow('gives sandbox two rates');
    expect(() => parseSendRates('a b=5/s')).toThrow('"a b" is not a provider name');
  });

  it('turns the per-host HTTP rate off', () => {
    expect(parseHttpRatePerHost('off')).toBeNull();
    expect(parseHttpRatePerHost('10/s')?.burst).toBe(10);
  });
});
