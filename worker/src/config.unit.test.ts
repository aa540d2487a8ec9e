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
        quietHours: { start: '21:00', end: '08:00', channels: ['sms', 'whatsapp', 'webchat'] },
        frequencyCap: { max: 3, windowMs: 24 * 60 * 60 * 1000, window: '24h' },
      },
    });
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
      /THREADLINE_QUIET_HOURS: "9pm-8am" is not a quiet-hours window: write local start and end times, e\.g\. 21:00-08:00[\s\S]*THREADLINE_QUIET_HOURS_CHANNELS: "fax" is not a message channel[\s\S]*THREADLINE_FREQUENCY_CAP: "three" is not a frequency cap/,
    );
  });

  it('names every bad variable and what it must be', () => {
    expect(() => readWorkerConfig({ MONGODB_URI: 'postgres://x', LOG_LEVEL: 'loud' })).toThrow(
      /MONGODB_URI: must be a mongodb:\/\/ URI[\s\S]*LOG_LEVEL/,
    );
  });
});
