import { describe, expect, it } from 'vitest';
import { boundedAll } from './boundedAll';

describe('boundedAll', () => {
  it('returns every result in the order of the items, whatever order they finish in', async () => {
    const results = await boundedAll([30, 5, 20, 1, 10], 2, async (ms, index) => {
      await new Promise((resolve) => setTimeout(resolve, ms));
      return `${index}:${ms}`;
    });
    expect(results).toEqual(['0:30', '1:5', '2:20', '3:1', '4:10']);
  });

  it('never has more than the limit in flight', async () => {
    let inFlight = 0;
    let most = 0;
    await boundedAll(Array.from({ length: 40 }, (_, index) => index), 7, async () => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 1));
      inFlight -= 1;
    });
    expect(most).toBe(7);
  });

  it('rejects with the first failure', async () => {
    await expect(boundedAll([1, 2, 3], 2, async (item) => {
      if (item === 2) throw new Error('two failed');
      return item;
    })).rejects.toThrow('two failed');
  });

  it('refuses a limit below one', async () => {
    await expect(boundedAll([1], 0, async (item) => item)).rejects.toThrow(/positive integer/);
  });
});
