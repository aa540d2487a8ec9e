import { describe, expect, it } from 'vitest';
import { parseDuration } from './parseDuration';

describe('parseDuration', () => {
  it('reads seconds, minutes, hours and days as milliseconds', () => {
    expect(parseDuration('90s')).toBe(90_000);
    expect(parseDuration('15m')).toBe(900_000);
    expect(parseDuration('24h')).toBe(86_400_000);
    expect(parseDuration('2d')).toBe(172_800_000);
  });

  it('ignores case and surrounding spaces', () => {
    expect(parseDuration(' 2D ')).toBe(172_800_000);
  });

  it.each(['', '24', 'h', '1.5h', '-1h', '10w', '24 hours', '0s'])('rejects %j with a message quoting the text', (text) => {
    expect(() => parseDuration(text)).toThrow(`"${text}" is not a`);
  });
});
