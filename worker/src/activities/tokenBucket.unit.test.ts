import { describe, expect, it } from 'vitest';
import { TokenBucket } from './tokenBucket';
import { parseRate } from './throttleRates';

describe('TokenBucket', () => {
  it('lets a burst through at once, then spaces the rest at the rate, first come first served', () => {
    const bucket = new TokenBucket(parseRate('10/s'), 0);
    const waits = Array.from({ length: 30 }, () => bucket.reserve(0));
    expect(waits.slice(0, 10)).toEqual(Array(10).fill(0));
    expect(waits.slice(10, 13)).toEqual([100, 200, 300]);
    expect(waits[29]).toBe(2000);
  });

  it('refills with time, never beyond its burst', () => {
    const bucket = new TokenBucket(parseRate('2/s'), 0);
    expect([bucket.reserve(0), bucket.reserve(0), bucket.reserve(0)]).toEqual([0, 0, 500]);
    // The reservation made at 0 for 500 ms is honoured; by 10 s the bucket is full again, but holds only two.
    expect([bucket.reserve(10_000), bucket.reserve(10_000), bucket.reserve(10_000)]).toEqual([0, 0, 500]);
  });

  it('tells how long a newcomer would wait without reserving', () => {
    const bucket = new TokenBucket(parseRate('1/s'), 0);
    expect(bucket.waitFor(0)).toBe(0);
    bucket.reserve(0);
    bucket.reserve(0);
    expect(bucket.waitFor(0)).toBe(2000);
    expect(bucket.waitFor(0)).toBe(2000);
    expect(bucket.waitFor(1500)).toBe(500);
  });
});
