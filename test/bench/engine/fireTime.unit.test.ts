import { describe, expect, it } from 'vitest';
import { chooseFireTime } from './fireTime';

describe('chooseFireTime', () => {
  it('is the first whole minute after the expected starts and the margin', () => {
    // 10,000 at 50/s is 200 s, plus 60 s: 12:04:20 → 12:05:00.
    expect(chooseFireTime(new Date('2026-11-25T12:00:00.000Z'), 10_000, 50, 60_000).toISOString()).toBe('2026-11-25T12:05:00.000Z');
  });

  it('stays on a whole minute that is already exact', () => {
    expect(chooseFireTime(new Date('2026-11-25T12:00:00.000Z'), 100, 100, 59_000).toISOString()).toBe('2026-11-25T12:01:00.000Z');
  });

  it('skips 23:59 UTC, whose window would cross midnight', () => {
    expect(chooseFireTime(new Date('2026-11-25T23:58:30.000Z'), 1, 1, 0).toISOString()).toBe('2026-11-26T00:00:00.000Z');
  });
});
