import { parseFlowDefinition, validateFlow } from '@threadline/flows';
import { scheduleAt } from '@threadline/flows/runtime';
import { describe, expect, it } from 'vitest';
import { engineFlow, waitingFlow } from './engineFlows';

describe('the engine bench flows', () => {
  it('the multi-step journey parses and validates without an error or warning', () => {
    const parsed = parseFlowDefinition(JSON.parse(JSON.stringify(engineFlow)));
    expect(parsed.ok ? [] : parsed.issues).toEqual([]);
    expect(validateFlow(engineFlow)).toEqual([]);
  });

  it('the waiting journey parses, validates, and its schedule opens exactly at the chosen minute', () => {
    const fireAt = new Date('2026-11-25T20:15:00Z');
    const flow = waitingFlow(fireAt);
    const parsed = parseFlowDefinition(JSON.parse(JSON.stringify(flow)));
    expect(parsed.ok ? [] : parsed.issues).toEqual([]);
    expect(validateFlow(flow)).toEqual([]);
    const waitNode = flow.nodes.find((node) => node.type === 'waitUntil');
    if (waitNode?.type !== 'waitUntil') throw new Error('no waitUntil node');
    const before = scheduleAt(waitNode.config.schedule, new Date('2026-11-25T20:01:30Z'), 'UTC');
    expect(before.open).toBe(false);
    expect(before.nextOpen === null ? null : new Date(before.nextOpen).toISOString()).toBe(fireAt.toISOString());
    // A journey the worker reaches late goes straight on rather than waiting a week.
    expect(scheduleAt(waitNode.config.schedule, new Date('2026-11-25T20:40:00Z'), 'UTC').open).toBe(true);
    expect(scheduleAt(waitNode.config.schedule, new Date('2026-11-26T09:00:00Z'), 'UTC').open).toBe(true);
  });

  it('refuses a fire time that is not a whole minute', () => {
    expect(() => waitingFlow(new Date('2026-11-25T20:15:30Z'))).toThrow(/whole minute/);
  });
});
