import { defaultConfigOf, nodeCatalog } from '@threadline/flows';
import type { FlowDefinition, FlowNode, NodeType } from '@threadline/flows/types';
import { describe, expect, it } from 'vitest';
import { decideMigration, MOVABLE_WAIT_TYPES, movedDetail, type MigrationSubject } from './migrateDecision';

function node(id: string, type: NodeType): FlowNode {
  return { id, type, config: defaultConfigOf(type) } as FlowNode;
}

function definition(...nodes: FlowNode[]): FlowDefinition {
  return { schemaVersion: 2, id: 'demo', name: 'Demo', nodes, edges: [], layout: {} } as unknown as FlowDefinition;
}

const v2 = { version: 2, definition: definition(node('missed_call', 'trigger.missedCall'), node('wait_reply', 'waitForReply'), node('pause', 'delay')) };

function waitingAt(nodeId: string, type: string | null, overrides: Partial<MigrationSubject> = {}): MigrationSubject {
  return { status: 'waiting', currentNodeId: nodeId, pendingWait: { nodeId }, waitNodeType: type, fromVersion: 1, triggerNodeId: 'missed_call', ...overrides };
}

describe('whether a journey may move to another version', () => {
  it('moves a journey waiting for a reply at a node the new version has with the same type', () => {
    expect(decideMigration(waitingAt('wait_reply', 'waitForReply'), v2)).toEqual({ moves: true, nodeId: 'wait_reply' });
  });

  it('refuses a journey at a wait node the new version lacks, naming the node and version', () => {
    expect(decideMigration(waitingAt('wait_more', 'waitForReply'), v2)).toEqual({ moves: false, reason: 'wait_more is not in v2' });
  });

  it('refuses when the node id is kept but its type changed', () => {
    expect(decideMigration(waitingAt('pause', 'waitUntil'), v2)).toEqual({ moves: false, reason: 'pause is a delay in v2, not a waitUntil' });
  });

  it('never moves a journey that is not waiting, whatever node it is at', () => {
    const running = waitingAt('wait_reply', 'waitForReply', { status: 'running', currentNodeId: 'text_back', pendingWait: null });
    expect(decideMigration(running, v2)).toEqual({ moves: false, reason: 'it is not waiting: it is running at text_back' });
  });

  it('never moves a send deferred by quiet hours: it waits inside the send, not at a wait node', () => {
    const deferred = waitingAt('text_back', 'send');
    expect(decideMigration(deferred, { version: 2, definition: definition(node('missed_call', 'trigger.missedCall'), node('text_back', 'send')) })).toEqual({
      moves: false,
      reason: 'it waits inside text_back (send), not at a wait node',
    });
  });

  it('moves only forward, and not onto the version it runs', () => {
    expect(decideMigration(waitingAt('wait_reply', 'waitForReply', { fromVersion: 2 }), v2)).toEqual({ moves: false, reason: 'it is on v2 already' });
    expect(decideMigration(waitingAt('wait_reply', 'waitForReply', { fromVersion: 3 }), v2)).toEqual({ moves: false, reason: 'it is on v3, newer than v2' });
  });

  it('refuses when the new version lacks the trigger the journey started at', () => {
    expect(decideMigration(waitingAt('wait_reply', 'waitForReply', { triggerNodeId: 'inbound' }), v2)).toEqual({ moves: false, reason: 'its trigger inbound is not in v2' });
  });

  it('moves only at node types the catalog marks as waiting', () => {
    for (const type of MOVABLE_WAIT_TYPES) expect(nodeCatalog[type].waits).toBe(true);
  });

  it('says what the trace and timeline read', () => {
    expect(movedDetail(1, 2, 'wait_reply')).toBe('moved from v1 to v2 at wait_reply');
  });
});
