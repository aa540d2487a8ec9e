import { describe, expect, it } from 'vitest';
import { readWorkerConfig } from './config';

describe('readWorkerConfig', () => {
  it('defaults to the embedded stack on this machine', () => {
    expect(readWorkerConfig({})).toEqual({
      temporalAddress: '127.0.0.1:7233',
      temporalNamespace: 'default',
      mongodbUri: 'mongodb://127.0.0.1:27017/threadline',
      logLevel: 'info',
      compliance: {
        quietHours: { start: '21:00', end: '08:00', channels: ['sms', 'whatsapp', 'webchat', 'voice'] },
        frequencyCap: { max: 3, windowMs: 24 * 60 * 60 * 1000, window: '24h' },
      },
      sendRates: { byProvider: {}, fallback: { perSecond: 50, burst: 50, text: '50/s' } },
      httpRatePerHost: { perSecond: 10, burst: 10, text: '10/s' },
      maxCachedWorkflows: undefined,
    });
  });

  it('reads how many journeys the worker keeps in memory, and refuses a count that is not one', () => {
    expect(readWorkerConfig({ THREADLINE_MAX_CACHED_WORKFLOWS: '500' }).maxCachedWorkflows).toBe(500);
    expect(() => readWorkerConfig({ THREADLINE_MAX_CACHED_WORKFLOWS: 'lots' })).toThrow(/THREADLINE_MAX_CACHED_WORKFLOWS/);
  });

  it('reads the send rate per provider and the HTTP rate per host, and turns each off', () => {
    const config = readWorkerConfig({ THREADLINE_SEND_RATE: 'sandbox=50/s, twilio=600/min', THREADLINE_HTTP_RATE_PER_HOST: '2/s' });
    expect(config.sendRates).toEqual({
      byProvider: { sandbox: { perSecond: 50, burst: 50, text: '50/s' }, twilio: { perSecond: 10, burst: 10, text: '600/min' } },
      fallback: null,
    });
    expect(config.httpRatePerHost).toEqual({ perSecond: 2, burst: 2, text: '2/s' });
    const off = readWorkerConfig({ THREADLINE_SEND_RATE: 'off', THREADLINE_HTTP_RATE_PER_HOST: 'off' });
    expect([off.sendRates, off.httpRatePerHost]).toEqual([{ byProvider: {}, fallback: null }, null]);
  });

  it('names bad throttle settings and says what to write', () => {
    expect(() => readWorkerConfig({ THREADLINE_SEND_RATE: 'sandbox=fast', THREADLINE_HTTP_RATE_PER_HOST: '0/s' })).toThrow(
      /THREADLINE_SEND_RATE: "fast" is not a rate such as 10\/s[\s\S]*THREADLINE_HTTP_RATE_PER_HOST: "0\/s": the rate must be more than 0/,
    );
  });

  it('reads quiet hours, their channels and the frequency cap, and turns each off', () => {
    expect(
      readWorkerConfig({ THREADLINE_QUIET_HOURS: '22:30-07:15', THREADLINE_QUIET_HOURS_CHANNELS: 'sms, email', THREADLINE_FREQUENCY_CAP: '5/7d' }).compliance,
    ).toEqual({
      quietHours: { start: '22:30', end: '07:15', channels: ['sms', 'email'] },
      frequencyCap: { max: 5, windowMs: 7 * 24 * 60 * 60 * 1000, window: '7d' },
    });
    expect(readWorkerConfig({ THREADLINE_QUIET_HOURS: 'off', THREADLINE_FREQUENCY_CAP: '0' }).compliance).toEqual({ quietHours: null, frequencyCap: null });
  });

  it('names bad compliance settings and says what to write', () => {
    expect(() => readWorkerConfig({ THREADLINE_QUIET_HOURS: '9pm-8am', THREADLINE_QUIET_HOURS_CHANNELS: 'sms,fax', THREADLINE_FREQUENCY_CAP: 'three' })).toThrow(
      /THREADLINE_QUIET_HOURS: "9pm-8am" is not a quiet-hours window: write local start and end times, e\.g\. 21:00-08:00[\s\S]*THREADLINE_QUIET_HOURS_CHANNELS: "fax" is not a channel[\s\S]*THREADLINE_FREQUENCY_CAP: "three" is not a frequency cap/,
    );
  });

  it('names every bad variable and what it must be', () => {
    expect(() => readWorkerConfig({ MONGODB_URI: 'postgres://x', LOG_LEVEL: 'loud' })).toThrow(
      /MONGODB_URI: must be a mongodb:\/\/ URI[\s\S]*LOG_LEVEL/,
    );
  });
});
