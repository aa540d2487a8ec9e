import { isNodeType, nodeCatalog, type CallState } from '../catalog';
import { nodePath } from '../schema/issuePaths';
import type { FlowEdge, ValidationIssue } from '../types';
import type { IndexedNode } from './indexNodes';

/**
 * What is known about the phone call on the way into a node, over every path from a trigger:
 * nothing yet (no path reaches it, so far), a call on every path, no call on any, or both.
 */
type CallFlow = 'unknown' | CallState | 'mixed';

function join(a: CallFlow, b: CallFlow): CallFlow {
  if (a === b || b === 'unknown') return a;
  if (a === 'unknown') return b;
  return 'mixed';
}

/**
 * Voice nodes (catalog `call.required`) need a call in progress on every path into them.
 * A forward data-flow pass over the lattice unknown < inCall, noCall < mixed: triggers start
 * with no call (their `call.after` may say otherwise, as an inbound call does), a node passes
 * its incoming state on, except on outputs where its `call.after` sets it (an outbound call
 * answered, a caller who hung up). Each node's state rises at most twice, so the worklist
 * visits every edge a bounded number of times: linear in the size of the flow.
 */
export function checkCallState(
  byId: ReadonlyMap<string, IndexedNode>,
  edges: readonly FlowEdge[],
): ValidationIssue[] {
  const outgoing = new Map<string, FlowEdge[]>();
  for (const edge of edges) {
    const list = outgoing.get(edge.from);
    if (list === undefined) outgoing.set(edge.from, [edge]);
    else list.push(edge);
  }

  const incoming = new Map<string, CallFlow>();
  const queue: string[] = [];
  for (const [nodeId, entry] of byId) {
    if (!entry.isTrigger) continue;
    incoming.set(nodeId, 'noCall');
    queue.push(nodeId);
  }
  const queued = new Set(queue);
  for (let head = 0; head < queue.length; head += 1) {
    const nodeId = queue[head] ?? '';
    queued.delete(nodeId);
    const state = incoming.get(nodeId) ?? 'unknown';
    const after = callAfter(byId.get(nodeId));
    for (const edge of outgoing.get(nodeId) ?? []) {
      const leaving = after !== undefined && Object.hasOwn(after, edge.output) ? (after[edge.output] ?? state) : state;
      const before = incoming.get(edge.to) ?? 'unknown';
      const joined = join(before, leaving);
      if (joined === before) continue;
      incoming.set(edge.to, joined);
      if (!queued.has(edge.to)) {
        queued.add(edge.to);
        queue.push(edge.to);
      }
    }
  }

  const issues: ValidationIssue[] = [];
  for (const [nodeId, entry] of byId) {
    if (!requiresCall(entry)) continue;
    const state = incoming.get(nodeId) ?? 'unknown';
    if (state !== 'noCall' && state !== 'mixed') continue;
    issues.push({
      code: 'voice-without-call',
      severity: 'error',
      nodeId,
      path: nodePath(nodeId),
      message:
        state === 'noCall'
          ? `"${nodeId}" speaks on a phone call, but no path into it has a call in progress; start the flow with an inbound call, or place an outbound call before it.`
          : `"${nodeId}" speaks on a phone call, but some paths into it have no call in progress (the caller hung up, or the journey started another way); route only the in-call paths into it.`,
    });
  }
  return issues;
}

function callAfter(entry: IndexedNode | undefined): Readonly<Record<string, CallState>> | undefined {
  if (entry === undefined) return undefined;
  const type: string = entry.node.type;
  return isNodeType(type) ? nodeCatalog[type].call.after : undefined;
}

function requiresCall(entry: IndexedNode): boolean {
  const type: string = entry.node.type;
  return isNodeType(type) && nodeCatalog[type].call.required;
}
