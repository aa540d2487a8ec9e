import { describe, expect, it } from 'vitest';
import { flowHasJourneys, nodeStatsText } from './nodeStatsText';

describe('nodeStatsText', () => {
  it('names waiting journeys only when some wait at the node', () => {
    expect(nodeStatsText({ entered: 3, exited: 2, waiting: 1 }).short).toBe('3 in · 1 waiting · 2 out');
    expect(nodeStatsText({ entered: 4, exited: 4, waiting: 0 }).short).toBe('4 in · 4 out');
  });

  it('spells the counts out for the tooltip, saying that they may lag', () => {
    expect(nodeStatsText({ entered: 1, exited: 0, waiting: 1 }).long).toMatch(/^1 journey entered, 1 waiting here now, 0 left \(.*lag/);
  });
});

describe('flowHasJourneys', () => {
  it('is false until a journey has entered or waits at some node', () => {
    expect(flowHasJourneys([])).toBe(false);
    expect(flowHasJourneys([{ entered: 0, waiting: 0 }])).toBe(false);
    expect(flowHasJourneys([{ entered: 0, waiting: 0 }, { entered: 0, waiting: 2 }])).toBe(true);
    expect(flowHasJourneys([{ entered: 1, waiting: 0 }])).toBe(true);
  });
});
