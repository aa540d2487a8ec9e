import { describe, expect, it } from 'vitest';
import { percentile, summarizeLatencies } from './latency';

describe('percentile', () => {
  const oneToHundred = Array.from({ length: 100 }, (_, index) => index + 1);

  it('answers the nearest rank, a value some sample really had', () => {
    expect(percentile(oneToHundred, 50)).toBe(50);
    expect(percentile(oneToHundred, 95)).toBe(95);
    expect(percentile(oneToHundred, 99)).toBe(99);
    expect(percentile([10, 20, 30], 50)).toBe(20);
  });

  it('reads p99.9 of fewer than a thousand samples as the maximum', () => {
    expect(percentile(oneToHundred, 99.9)).toBe(100);
  });

  it('gives the smallest sample for the 0th percentile and the largest for the 100th', () => {
    expect(percentile([3, 7, 9], 0)).toBe(3);
    expect(percentile([3, 7, 9], 100)).toBe(9);
  });

  it('is NaN without samples rather than a made-up zero', () => {
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('summarizeLatencies', () => {
  it('sorts unordered samples before reading percentiles, max and mean', () => {
    expect(summarizeLatencies([40, 10, 30, 20])).toEqual({ count: 4, p50: 20, p95: 40, p99: 40, p999: 40, max: 40, mean: 25 });
  });
});
