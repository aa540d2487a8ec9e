import { describe, expect, it } from 'vitest';
import { abSplit } from './abSplit';

const pathsOf = (branches: unknown) =>
  abSplit.configSchema.safeParse({ branches }).error?.issues.map((issue) => issue.path) ?? [];

describe('the abSplit catalog entry', () => {
  it('gives one output per branch, in order', () => {
    const config = { branches: [{ output: 'short', weight: 1 }, { output: 'long', weight: 3 }] };
    expect(pathsOf(config.branches)).toEqual([]);
    expect(abSplit.outputs(config)).toEqual(['short', 'long']);
  });

  it('needs at least two branches to compare', () => {
    expect(pathsOf([{ output: 'a', weight: 1 }])).toEqual([['branches']]);
  });

  it('takes weights as positive whole numbers', () => {
    for (const weight of [0, -1, 1.5, Number.NaN]) {
      expect(pathsOf([{ output: 'a', weight }, { output: 'b', weight: 1 }]), String(weight)).toEqual([
        ['branches', 0, 'weight'],
      ]);
    }
  });

  it('refuses a branch named twice', () => {
    expect(pathsOf([{ output: 'a', weight: 1 }, { output: 'a', weight: 2 }])).toEqual([['branches', 1, 'output']]);
  });
});
