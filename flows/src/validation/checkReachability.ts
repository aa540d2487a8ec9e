import { nodePath } from '../schema/issuePaths';
import type { FlowEdge, ValidationIssue } from '../types';
import type { IndexedNode } from './indexNodes';

/** Nodes no trigger leads to can never run: a warning, since a draft may be mid-edit. */
export function checkReachability(
  byId: ReadonlyMap<string, IndexedNode>,
  edges: readonly FlowEdge[],
): ValidationIssue[] {
  const triggers = [...byId.values()].filter((entry) => entry.isTrigger).map((entry) => entry.node.id);
  // With no trigger at all, every node would be reported; no-trigger already says it better.
  if (triggers.length === 0) return [];

  const next = new Map<string, string[]>();
  for (const edge of edges) {
    const successors = next.get(edge.from);
    if (successors === undefined) next.set(edge.from, [edge.to]);
    else successors.push(edge.to);
  }
  const reached = new Set(triggers);
  const queue = [...triggers];
  for (let head = 0; head < queue.length; head += 1) {
    for (const to of next.get(queue[head] ?? '') ?? []) {
      if (reached.has(to)) continue;
      reached.add(to);
      queue.push(to);
    }
  }

  return [...byId.keys()]
    .filter((nodeId) => !reached.has(nodeId))
    .map((nodeId) => ({
      code: 'unreachable-node',
      severity: 'warning',
      nodeId,
      path: nodePath(nodeId),
      message: `No trigger leads to "${nodeId}", so no journey will ever reach it; connect it to the flow or delete it.`,
    }));
}
