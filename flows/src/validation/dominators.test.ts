import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeDominators } from './dominators';

/** The definition itself: a dominates b iff b is unreachable once a is taken out (a ≠ entry). */
function dominatesByDefinition(successors: readonly (readonly number[])[], a: number, b: number): boolean {
  const reach = (avoid: number | undefined) => {
    const seen = new Set<number>([0]);
    const queue = [0];
    for (let head = 0; head < queue.length; head += 1) {
      for (const next of successors[queue[head] ?? 0] ?? []) {
        if (next === avoid || seen.has(next)) continue;
        seen.add(next);
        queue.push(next);
      }
    }
    return seen;
  };
  if (!reach(undefined).has(b)) return false;
  if (a === b || a === 0) return true;
  return !reach(a).has(b);
}

const graphs = fc.integer({ min: 1, max: 12 }).chain((size) =>
  fc
    .array(fc.tuple(fc.nat(size - 1), fc.nat(size - 1)), { maxLength: size * 3 })
    .map((edges) => {
      const successors: number[][] = Array.from({ length: size }, () => []);
      for (const [from, to] of edges) successors[from]?.push(to);
      return successors;
    }),
);

describe('computeDominators', () => {
  it('agrees with the definition of dominance on random graphs, loops and unreachable parts included', () => {
    fc.assert(
      fc.property(graphs, (successors) => {
        const dominators = computeDominators(successors);
        for (let a = 0; a < successors.length; a += 1) {
          for (let b = 0; b < successors.length; b += 1) {
            expect(dominators.dominates(a, b)).toBe(dominatesByDefinition(successors, a, b));
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('finds the join of a diamond dominated by its fork, not by either branch', () => {
    // 0 → 1 → {2, 3} → 4
    const dominators = computeDominators([[1], [2, 3], [4], [4], []]);
    expect(dominators.immediateDominator(4)).toBe(1);
    expect(dominators.dominates(2, 4)).toBe(false);
    expect(dominators.dominates(1, 4)).toBe(true);
  });

  it('says nothing dominates a vertex the entry cannot reach', () => {
    const dominators = computeDominators([[1], [], [1]]);
    expect(dominators.reachable(2)).toBe(false);
    expect(dominators.dominates(0, 2)).toBe(false);
    expect(dominators.immediateDominator(2)).toBe(-1);
  });

  it('walks a chain of 100,000 vertices without overflowing the stack', () => {
    const length = 100_000;
    const successors = Array.from({ length }, (_, index) => (index + 1 < length ? [index + 1] : []));
    const dominators = computeDominators(successors);
    expect(dominators.dominates(1, length - 1)).toBe(true);
    expect(dominators.immediateDominator(length - 1)).toBe(length - 2);
  });
});
