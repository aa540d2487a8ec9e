import { defaultConfigOf } from '@threadline/flows';
import type { FlowNode, NodeType } from '@threadline/flows/types';
import { describe, expect, it } from 'vitest';
import type { JourneyResume } from '../journeys/contract';
import { resumedWaitNode } from './migrateWait';

function node(id: string, type: NodeType, config: Record<string, unknown> = {}): FlowNode {
  return { id, type, config: { ...defaultConfigOf(type), ...config } } as FlowNode;
}

const now = Date.parse('2026-03-02T12:00:00.000Z');

function movedAt(nodeId: string, until: string, visitCounts: Record<string, number> = { [nodeId]: 1 }): JourneyResume {
  return {
    nodeId,
    firstRunId: 'run-1',
    startedAt: '2026-03-01T12:00:00.000Z',
    context: { contact: { id: 'c_1' }, trigger: { channel: 'sms', text: null, from: '+14155550100', at: '2026-03-01T12:00:00.000Z' }, reply: null, nodes: {}, vars: {} },
    visitCounts,
    path: [],
    visits: [],
    droppedVisits: 0,
    channels: ['sms'],
    inbox: [],
    seenEventIds: [],
    movedWait: { nodeId, until, fromVersion: 1 },
  };
}

describe('the wait a moved journey goes on with', () => {
  it('times a reply wait out when the old one would have: 4h left of 24h', () => {
    const wait = node('wait_reply', 'waitForReply', { timeout: '24h' });
    const resumed = resumedWaitNode(wait, movedAt('wait_reply', '2026-03-02T16:00:00.000Z'), 2, now);
    expect(resumed).toMatchObject({ id: 'wait_reply', config: { timeout: '14400s' } });
  });

  it('shortens a delay and an event wait the same way, rounding up to whole seconds', () => {
    const until = '2026-03-02T12:00:01.200Z';
    expect(resumedWaitNode(node('pause', 'delay', { duration: '2d' }), movedAt('pause', until), 2, now)).toMatchObject({ config: { duration: '2s' } });
    expect(resumedWaitNode(node('paid', 'waitForEvent', { event: 'payment.received', timeout: '7d' }), movedAt('paid', until), 2, now)).toMatchObject({
      config: { event: 'payment.received', timeout: '2s' },
    });
  });

  it('gives a wait whose time ran out during the move one second, so its timeout still fires through the node', () => {
    const resumed = resumedWaitNode(node('wait_reply', 'waitForReply'), movedAt('wait_reply', '2026-03-02T11:00:00.000Z'), 2, now);
    expect(resumed).toMatchObject({ config: { timeout: '1s' } });
  });

  it('leaves every later visit, every other node and a journey that was not moved as the flow says', () => {
    const wait = node('wait_reply', 'waitForReply', { timeout: '24h' });
    const resume = movedAt('wait_reply', '2026-03-02T16:00:00.000Z');
    expect(resumedWaitNode(wait, resume, 3, now)).toBe(wait);
    expect(resumedWaitNode(node('send_1', 'send'), resume, 1, now).id).toBe('send_1');
    expect(resumedWaitNode(wait, { ...resume, movedWait: undefined }, 2, now)).toBe(wait);
    expect(resumedWaitNode(wait, undefined, 1, now)).toBe(wait);
  });

  it('leaves waitUntil alone: it reads its schedule at the new run\'s now', () => {
    const wait = node('open', 'waitUntil');
    expect(resumedWaitNode(wait, movedAt('open', '2026-03-02T16:00:00.000Z'), 2, now)).toBe(wait);
  });
});
