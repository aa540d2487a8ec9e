import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FlowEdge } from '../types';
import { buildFlowGraph } from './flowGraph';
import { resultAvailability, type ResultOutputSets } from './resultAvailability';

const edge = (from: string, output: string, to: string): FlowEdge => ({ from, output, to });

/** start → ask; ask: replied → thank, timeout → nudge → thank; thank → done. */
const askGraph = () =>
  resultAvailability(
    buildFlowGraph(
      ['start', 'ask', 'nudge', 'thank', 'done'],
      ['start'],
      [
        edge('start', 'next', 'ask'),
        edge('ask', 'replied', 'thank'),
        edge('ask', 'timeout', 'nudge'),
        edge('nudge', 'sent', 'thank'),
        edge('thank', 'sent', 'done'),
      ],
    ),
  );

describe('resultAvailability', () => {
  it('has a result set on every output wherever its node lies on every path', () => {
    expect(askGraph().isProducedOnEveryPath('ask', '*', 'done')).toBe(true);
    expect(askGraph().isProducedOnEveryPath('nudge', '*', 'done')).toBe(false);
  });

  it('has a result set on one output only where every path leaves by that output', () => {
    const availability = askGraph();
    expect(availability.isProducedOnEveryPath('ask', ['replied'], 'thank')).toBe(false);
    expect(availability.isProducedOnEveryPath('ask', ['timeout'], 'nudge')).toBe(true);
  });

  it('has a result set on several outputs where every path leaves by one of them', () => {
    const availability = askGraph();
    expect(availability.isProducedOnEveryPath('ask', ['replied', 'timeout'], 'done')).toBe(true);
    expect(availability.isProducedOnEveryPath('ask', ['replied', 'invalid'], 'done')).toBe(false);
  });

  it('counts every entry of a flow with several triggers', () => {
    const availability = resultAvailability(
      buildFlowGraph(
        ['call', 'text', 'ask', 'done'],
        ['call', 'text'],
        [edge('call', 'next', 'ask'), edge('text', 'next', 'done'), edge('ask', 'replied', 'done')],
      ),
    );
    expect(availability.isProducedOnEveryPath('ask', '*', 'done')).toBe(false);
  });

  it('never lets a node read its own results, nor a node no path reaches claim anything', () => {
    const availability = askGraph();
    expect(availability.isProducedOnEveryPath('ask', '*', 'ask')).toBe(false);
    const island = resultAvailability(buildFlowGraph(['start', 'island'], ['start'], []));
    expect(island.isReachable('island')).toBe(false);
    expect(island.isProducedOnEveryPath('start', '*', 'island')).toBe(false);
  });

  it('keeps a result available around a loop that passes through its node', () => {
    // start → ask → check; check: again → ask, else → done
    const availability = resultAvailability(
      buildFlowGraph(
        ['start', 'ask', 'check', 'done'],
        ['start'],
        [edge('start', 'next', 'ask'), edge('ask', 'replied', 'check'), edge('check', 'again', 'ask'), edge('check', 'else', 'done')],
      ),
    );
    expect(availability.isProducedOnEveryPath('ask', ['replied'], 'done')).toBe(true);
    expect(availability.isProducedOnEveryPath('check', '*', 'ask')).toBe(false);
  });

  it('answers results on several outputs through merged vertices exactly as a search of the graph does', () => {
    const outputs = ['a', 'b', 'c', 'd'] as const;
    const graphArbitrary = fc.integer({ min: 2, max: 9 }).chain((count) => {
      const ids = Array.from({ length: count }, (_, index) => `n${index}`);
      return fc.record({
        ids: fc.constant(ids),
        triggers: fc.subarray(ids, { minLength: 1 }),
        edges: fc.array(fc.tuple(fc.constantFrom(...ids), fc.constantFrom(...outputs), fc.constantFrom(...ids)), { maxLength: count * 3 }),
      });
    });
    // Overlapping sets on purpose: the second is left to the search.
    const sets: ResultOutputSets = () => [['a', 'b'], ['b', 'c'], ['c', 'd', 'a']];
    fc.assert(
      fc.property(graphArbitrary, ({ ids, triggers, edges }) => {
        const graph = buildFlowGraph(ids, triggers, edges.map(([from, output, to]) => edge(from, output, to)));
        const merged = resultAvailability(graph, sets);
        const searched = resultAvailability(graph);
        for (const producer of ids) {
          for (const reader of ids) {
            for (const on of [['a', 'b'], ['b', 'c'], ['c', 'd', 'a'], ['a'], ['b', 'd']]) {
              expect(merged.isProducedOnEveryPath(producer, on, reader), `${producer} ${on.join('|')} → ${reader}`).toBe(
                searched.isProducedOnEveryPath(producer, on, reader),
              );
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
