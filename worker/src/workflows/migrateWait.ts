/**
 * A journey moved to another version while it waited goes on waiting at the same node, for the
 * time it had left: a contact told "reply within 24h" 20 hours ago has 4 hours, not 24 more.
 * The new run enters the node with its duration (delay) or timeout (waitForReply, waitForEvent)
 * set to the seconds remaining; waitUntil needs nothing, it reads its schedule at the new run's
 * now. A wait whose time ran out during the move gets one second, so its timeout still fires
 * through the node (its output and trace read as always).
 */
import type { FlowNode } from '@threadline/flows/types';
import type { JourneyResume } from '../journeys/contract';

export function resumedWaitNode(node: FlowNode, resume: JourneyResume | undefined, visit: number, nowMs: number): FlowNode {
  const moved = resume?.movedWait;
  // Only the first entry of the run, at the node the journey was moved at.
  if (!moved || moved.nodeId !== node.id || visit !== (resume.visitCounts[node.id] ?? 0) + 1) return node;
  const untilMs = Date.parse(moved.until);
  if (Number.isNaN(untilMs)) return node;
  const remaining = `${Math.max(1, Math.ceil((untilMs - nowMs) / 1000))}s`;
  switch (node.type) {
    case 'delay':
      return { ...node, config: { ...node.config, duration: remaining } };
    case 'waitForReply':
      return { ...node, config: { ...node.config, timeout: remaining } };
    case 'waitForEvent':
      return { ...node, config: { ...node.config, timeout: remaining } };
    default:
      return node;
  }
}
