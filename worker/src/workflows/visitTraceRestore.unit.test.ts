import { describe, expect, it } from 'vitest';
import type { NodeVisit } from '../journeys/contract';
import { VisitTrace } from './visitTrace';

function visit(n: number): NodeVisit {
  return { nodeId: 'tick', type: 'delay', visit: n, enteredAt: '2026-01-01T00:00:00.000Z', leftAt: '2026-01-01T01:00:00.000Z', output: 'next', detail: 'waited 1h' };
}

describe('a trace taken over from the previous run of a journey', () => {
  it('goes on where the previous run left it, counting the visits it had dropped', () => {
    const trace = new VisitTrace(3);
    trace.restore([visit(8), visit(9)], 7);
    trace.enter('tick', 'delay', 10, '2026-01-01T02:00:00.000Z');
    trace.enter('tick', 'delay', 11, '2026-01-01T03:00:00.000Z');

    expect(trace.list().map((entry) => entry.visit)).toEqual([9, 10, 11]);
    expect(trace.dropped).toBe(8);
    expect(trace.current()).toMatchObject({ visit: 11, leftAt: null });
  });

  it('keeps within its limit when the previous run kept more', () => {
    const trace = new VisitTrace(2);
    trace.restore([visit(1), visit(2), visit(3)], 0);

    expect(trace.list().map((entry) => entry.visit)).toEqual([2, 3]);
    expect(trace.dropped).toBe(1);
    expect(trace.current()).toBeNull();
  });
});
