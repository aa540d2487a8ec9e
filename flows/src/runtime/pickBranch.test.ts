import { describe, expect, it } from 'vitest';
import { fnv1a32, pickBranch } from './pickBranch';

describe('pickBranch', () => {
  const split = { branches: [{ output: 'a', weight: 1 }, { output: 'b', weight: 3 }] };

  it('hashes with FNV-1a 32-bit, as the published test vectors say', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });

  it('sends the same seed down the same branch every time', () => {
    for (const seed of ['journey-1/ab', 'journey-2/ab', 'ünïcode-☃/ab']) {
      expect(pickBranch(split, seed)).toBe(pickBranch(split, seed));
    }
  });

  it('gives each branch its weight’s share of 10,000 journeys, within 2 points', () => {
    const weights = [
      { output: 'a', weight: 50 },
      { output: 'b', weight: 30 },
      { output: 'c', weight: 20 },
    ];
    const counts = new Map<string, number>();
    for (let index = 0; index < 10_000; index += 1) {
      const output = pickBranch({ branches: weights }, `wf-${index}:n_ab`);
      counts.set(output, (counts.get(output) ?? 0) + 1);
    }
    for (const { output, weight } of weights) {
      const percent = ((counts.get(output) ?? 0) / 10_000) * 100;
      expect(Math.abs(percent - weight), output).toBeLessThan(2);
    }
  });

  it('never picks a branch whose weight is zero', () => {
    const branches = [{ output: 'off', weight: 0 }, { output: 'on', weight: 1 }];
    for (let index = 0; index < 200; index += 1) expect(pickBranch({ branches }, `s${index}`)).toBe('on');
  });

  it('refuses a split without a weighted branch', () => {
    expect(() => pickBranch({ branches: [] }, 'seed')).toThrow(/at least one branch/);
  });
});
