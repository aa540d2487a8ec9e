import { describe, expect, it } from 'vitest';
import { parseFrequencyCap, parseQuietChannels, parseQuietHours } from './complianceSettings';

const HOUR = 60 * 60 * 1000;

describe('parseFrequencyCap', () => {
  it('reads messages per window in any of the flow language\'s duration units', () => {
    expect(parseFrequencyCap('3/24h')).toEqual({ max: 3, windowMs: 24 * HOUR, window: '24h' });
    expect(parseFrequencyCap(' 10 / 7d ')).toEqual({ max: 10, windowMs: 7 * 24 * HOUR, window: '7d' });
    expect(parseFrequencyCap('1/90m')).toEqual({ max: 1, windowMs: 90 * 60 * 1000, window: '90m' });
  });

  it('takes a cap of zero as no cap, with or without a window', () => {
    expect(parseFrequencyCap('0')).toBeNull();
    expect(parseFrequencyCap('0/24h')).toBeNull();
  });

  it('refuses a cap without a window, a window that is not a duration, and words', () => {
    expect(() => parseFrequencyCap('3')).toThrow('"3" is not a frequency cap: give the window too, e.g. 3/24h');
    expect(() => parseFrequencyCap('3/day')).toThrow(/"3\/day" is not a frequency cap: "day" is not a duration/);
    expect(() => parseFrequencyCap('3/0h')).toThrow(/is not a usable duration/);
    expect(() => parseFrequencyCap('three a day')).toThrow(/write messages per window, e\.g\. 3\/24h, or 0 for no cap/);
  });
});

describe('parseQuietHours', () => {
  it('reads a window across midnight with the default channels, calls included and email exempt', () => {
    expect(parseQuietHours('21:00-08:00')).toEqual({ start: '21:00', end: '08:00', channels: ['sms', 'whatsapp', 'webchat', 'voice'] });
  });

  it('takes voice, for the calls journeys place, as a channel quiet hours may hold', () => {
    expect(parseQuietChannels('Voice, sms')).toEqual(['voice', 'sms']);
  });

  it('reads a window within a day and the channels it holds for', () => {
    expect(parseQuietHours('01:30 – 06:00', 'SMS, email,sms')).toEqual({ start: '01:30', end: '06:00', channels: ['sms', 'email'] });
  });

  it('has no quiet hours for "off", "none", nothing, or a window of no length', () => {
    expect(parseQuietHours('off')).toBeNull();
    expect(parseQuietHours('none')).toBeNull();
    expect(parseQuietHours('')).toBeNull();
    expect(parseQuietHours('08:00-08:00')).toBeNull();
  });

  it('refuses times that are not 24-hour HH:MM and names that are not channels', () => {
    expect(() => parseQuietHours('9pm-8am')).toThrow(/not a quiet-hours window/);
    expect(() => parseQuietHours('24:00-08:00')).toThrow(/not a quiet-hours window/);
    expect(() => parseQuietHours('21:00-08:60')).toThrow(/not a quiet-hours window/);
    expect(() => parseQuietChannels('sms,fax')).toThrow('"fax" is not a channel: use sms, whatsapp, email, webchat, voice (voice: the calls journeys place)');
  });
});
