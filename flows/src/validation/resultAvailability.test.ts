import { describe, expect, it } from 'vitest';
import type { FlowEdge } from '../types';
import { buildFlowGraph } from './flowGraph';
import { resultAvailability } from './resultAvailability';

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
});
