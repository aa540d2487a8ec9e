import { describe, expect, it } from 'vitest';
import { parseQuietHours, type QuietHours } from './complianceSettings';
import { quietHoursDeferral } from './quietHours';

function quiet(window: string, channels?: string): QuietHours {
  const hours = parseQuietHours(window, channels);
  if (hours === null) throw new Error(`no quiet hours in ${window}`);
  return hours;
}

const nightly = quiet('21:00-08:00');
const at = (iso: string) => new Date(iso);

describe('quietHoursDeferral', () => {
  it('defers a late-evening sms in London summer time to 08:00 the next morning', () => {
    expect(quietHoursDeferral(nightly, 'sms', at('2026-07-14T21:30:00Z'), { contact: 'Europe/London' })).toEqual({
      until: at('2026-07-15T07:00:00Z'),
      localTime: '08:00',
      zone: 'Europe/London',
      reason: 'quiet hours 21:00–08:00 in Europe/London, until 08:00',
    });
  });

  it('lets a send through from 08:00 up to the minute before 21:00, and defers from 21:00', () => {
    const zones = { contact: 'America/New_York' };
    expect(quietHoursDeferral(nightly, 'sms', at('2026-07-14T12:00:00Z'), zones)).toBeNull(); // 08:00 EDT
    expect(quietHoursDeferral(nightly, 'sms', at('2026-07-15T00:59:59Z'), zones)).toBeNull(); // 20:59:59 EDT
    expect(quietHoursDeferral(nightly, 'sms', at('2026-07-15T01:00:00Z'), zones)?.until).toEqual(at('2026-07-15T12:00:00Z'));
    expect(quietHoursDeferral(nightly, 'sms', at('2026-07-14T11:59:00Z'), zones)?.until).toEqual(at('2026-07-14T12:00:00Z'));
  });

  it('ends the night the clocks go forward an hour sooner, at 08:00 summer time', () => {
    // Europe/London goes from GMT to BST at 01:00 UTC on 29 March 2026.
    const deferral = quietHoursDeferral(nightly, 'whatsapp', at('2026-03-28T22:00:00Z'), { contact: 'Europe/London' });
    expect(deferral?.until).toEqual(at('2026-03-29T07:00:00Z'));
    expect(deferral?.localTime).toBe('08:00');
  });

  it('ends the night the clocks go back an hour later, at 08:00 winter time', () => {
    // Europe/London goes from BST to GMT at 01:00 UTC on 25 October 2026.
    const deferral = quietHoursDeferral(nightly, 'sms', at('2026-10-24T20:30:00Z'), { contact: 'Europe/London' });
    expect(deferral?.until).toEqual(at('2026-10-25T08:00:00Z'));
    expect(deferral?.localTime).toBe('08:00');
  });

  it('resumes when the clocks jump when the end of the quiet falls in the skipped hour', () => {
    // New York skips 02:00–03:00 local on 8 March 2026 (07:00 UTC); 02:30 never happens.
    const early = quiet('21:00-02:30');
    const deferral = quietHoursDeferral(early, 'sms', at('2026-03-08T06:00:00Z'), { contact: 'America/New_York' });
    expect(deferral).toMatchObject({ until: at('2026-03-08T07:00:00Z'), localTime: '03:00', zone: 'America/New_York' });
  });

  it('reads quiet hours within one day, e.g. 01:00-06:00', () => {
    const small = quiet('01:00-06:00');
    expect(quietHoursDeferral(small, 'sms', at('2026-07-14T03:00:00Z'), {})?.until).toEqual(at('2026-07-14T06:00:00Z'));
    expect(quietHoursDeferral(small, 'sms', at('2026-07-14T23:30:00Z'), {})).toBeNull();
    expect(quietHoursDeferral(small, 'sms', at('2026-07-14T00:30:00Z'), {})).toBeNull();
  });

  it('defers a call on voice when voice is listed, as it is by default, and never when it is not', () => {
    expect(quietHoursDeferral(nightly, 'voice', at('2026-07-14T23:00:00Z'), { contact: 'Europe/Paris' })).toMatchObject({
      until: at('2026-07-15T06:00:00Z'),
      localTime: '08:00',
      zone: 'Europe/Paris',
    });
    expect(quietHoursDeferral(quiet('21:00-08:00', 'sms'), 'voice', at('2026-07-14T23:00:00Z'), { contact: 'Europe/Paris' })).toBeNull();
  });

  it('never defers a channel the quiet hours do not list: email by default', () => {
    expect(quietHoursDeferral(nightly, 'email', at('2026-07-14T23:00:00Z'), {})).toBeNull();
    expect(quietHoursDeferral(quiet('21:00-08:00', 'email'), 'email', at('2026-07-14T23:00:00Z'), {})?.zone).toBe('UTC');
  });

  it('reads the contact\'s zone, else the flow\'s, else UTC, skipping a zone Intl does not know', () => {
    const late = at('2026-01-15T22:00:00Z');
    expect(quietHoursDeferral(nightly, 'sms', late, { contact: 'Asia/Tokyo', flow: 'Europe/Paris' })?.zone).toBe('Asia/Tokyo');
    expect(quietHoursDeferral(nightly, 'sms', late, { contact: 'Mars/Olympus', flow: 'Europe/Paris' })?.zone).toBe('Europe/Paris');
    expect(quietHoursDeferral(nightly, 'sms', late, { contact: '', flow: undefined })?.zone).toBe('UTC');
    // 22:00 UTC is 14:00 in Los Angeles: no deferral at all in the contact's own zone.
    expect(quietHoursDeferral(nightly, 'sms', late, { contact: 'America/Los_Angeles', flow: 'UTC' })).toBeNull();
  });
});
