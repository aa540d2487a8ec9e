import { describe, expect, it } from 'vitest';
import { canonicalTimeZone, inferTimeZone, SINGLE_ZONE_COUNTRIES } from './contactTimeZone';

describe('inferTimeZone', () => {
  it.each([
    ['+442071838750', 'Europe/London'],
    ['+33142685300', 'Europe/Paris'],
    ['+4930901820', 'Europe/Berlin'],
    ['+353 1 675 3000', 'Europe/Dublin'],
    ['+919876543210', 'Asia/Kolkata'],
    ['+81312345678', 'Asia/Tokyo'],
    ['+6591234567', 'Asia/Singapore'],
    ['+64 9 123 4567', 'Pacific/Auckland'],
    ['+971501234567', 'Asia/Dubai'],
    ['+17872345678', 'America/Puerto_Rico'],
  ])('gives %s the zone of its single-zone country, %s', (phone, zone) => {
    expect(inferTimeZone(phone)).toBe(zone);
  });

  it.each([
    ['+14155550100', 'US'],
    ['+16135550100', 'CA'],
    ['+61291234567', 'AU'],
    ['+5511912345678', 'BR'],
    ['+525512345678', 'MX'],
    ['+74951234567', 'RU'],
  ])('leaves %s (%s, several zones) without one, so the flow default applies', (phone) => {
    expect(inferTimeZone(phone)).toBeUndefined();
  });

  it('gives nothing for what is not a phone number', () => {
    expect(inferTimeZone('not a number')).toBeUndefined();
    expect(inferTimeZone('')).toBeUndefined();
  });

  it('only names zones the engine knows (ICU may answer with an alias, e.g. Asia/Calcutta)', () => {
    for (const [country, zone] of Object.entries(SINGLE_ZONE_COUNTRIES)) {
      expect(canonicalTimeZone(zone ?? ''), country).toBeDefined();
    }
  });
});

describe('canonicalTimeZone', () => {
  it('spells a known zone as the database does and refuses offsets and unknown names', () => {
    expect(canonicalTimeZone('america/new_york')).toBe('America/New_York');
    expect(canonicalTimeZone('Europe/Paris')).toBe('Europe/Paris');
    expect(canonicalTimeZone('+01:00')).toBeUndefined();
    expect(canonicalTimeZone('Mars/Olympus_Mons')).toBeUndefined();
  });
});
