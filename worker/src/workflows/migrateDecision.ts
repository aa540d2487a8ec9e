/**
 * Whether a journey may move to another published version of its flow, and if not, why. Pure
 * and shared: the API's dry run and the workflow's `migrateToVersion` validator apply the very
 * same rule, so what the dry run lists is what the real run does (unless the journey moves on
 * in between, when the workflow refuses with the fresh reason).
 */
import type { FlowDefinition, NodeType } from '@threadline/flows/types';
import type { JourneyStatus, PendingWait } from '../journeys/contract';

/**
 * The wait nodes a journey may move at. All of them wait on a timer or for something to arrive,
 * holding nothing but the context, which the next run carries. The catalog's other waiting
 * nodes are left out on purpose: voice nodes and `call.outbound` hold a live call, and `route`
 * and `handoff` are not run yet.
 */
export const MOVABLE_WAIT_TYPES: readonly NodeType[] = ['waitForReply', 'waitForEvent', 'delay', 'waitUntil'];

/** What the rule reads of a journey: its `state`, the type of the node it is at, its version and trigger. */
export interface MigrationSubject {
  status: JourneyStatus;
  currentNodeId: string | null;
  pendingWait: Pick<PendingWait, 'nodeId'> | null;
  /** The type of the node it waits at, in the definition it runs now (null: unknown). */
  waitNodeType: string | null;
  fromVersion: number;
  triggerNodeId: string;
}

export type MigrationDecision = { moves: true; nodeId: string } | { moves: false; reason: string };

export function decideMigration(subject: MigrationSubject, target: { definition: FlowDefinition; version: number }): MigrationDecision {
  const to = target.version;
  if (to === subject.fromVersion) return { moves: false, reason: `it is on v${to} already` };
  if (to < subject.fromVersion) return { moves: false, reason: `it is on v${subject.fromVersion}, newer than v${to}` };
  const wait = subject.pendingWait;
  if (subject.status !== 'waiting' || wait === null) {
    const at = subject.currentNodeId === null ? '' : ` at ${subject.currentNodeId}`;
    return { moves: false, reason: `it is not waiting: it is ${subject.status}${at}` };
  }
  const type = subject.waitNodeType;
  if (type === null || !MOVABLE_WAIT_TYPES.some((movable) => movable === type)) {
    // A quiet-hours deferral waits inside a send: moving it would cut the send in half.
    return { moves: false, reason: `it waits inside ${wait.nodeId} (${type ?? 'unknown type'}), not at a wait node` };
  }
  const there = target.definition.nodes.find((node) => node.id === wait.nodeId);
  if (!there) return { moves: false, reason: `${wait.nodeId} is not in v${to}` };
  if (there.type !== type) return { moves: false, reason: `${wait.nodeId} is a ${there.type} in v${to}, not a ${type}` };
  const trigger = target.definition.nodes.find((node) => node.id === subject.triggerNodeId);
  if (!trigger?.type.startsWith('trigger.')) return { moves: false, reason: `its trigger ${subject.triggerNodeId} is not in v${to}` };
  return { moves: true, nodeId: wait.nodeId };
}

/** What the trace and the timeline say of a move. */
export function movedDetail(fromVersion: number, toVersion: number, nodeId: string): string {
  return `moved from v${fromVersion} to v${toVersion} at ${nodeId}`;
}
