import { nodePath } from '../schema/issuePaths';
import type { FlowEdge, ValidationIssue } from '../types';
import type { IndexedNode } from './indexNodes';

/**
 * A loop with no waiting node in it would spin a journey forever inside one workflow task.
 * Removing the waiting nodes, any strongly connected component left with a cycle is such a
 * loop; each is reported once, on its first node in definition order.
 */
export function checkCycles(
  byId: ReadonlyMap<string, IndexedNode>,
  edges: readonly FlowEdge[],
): ValidationIssue[] {
  const runsThrough = (nodeId: string) => byId.get(nodeId)?.waits === false;
  const next = new Map<string, string[]>();
  const selfLoops = new Set<string>();
  for (const edge of edges) {
    if (!runsThrough(edge.from) || !runsThrough(edge.to)) continue;
    const successors = next.get(edge.from);
    if (successors === undefined) next.set(edge.from, [edge.to]);
    else successors.push(edge.to);
    if (edge.from === edge.to) selfLoops.add(edge.from);
  }

  const order = [...byId.keys()];
  const rank = new Map(order.map((nodeId, index) => [nodeId, index]));
  return stronglyConnectedComponents(order.filter(runsThrough), next)
    .filter((component) => component.length > 1 || selfLoops.has(component[0] ?? ''))
    .map((component) => component.sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0)))
    .sort((a, b) => (rank.get(a[0] ?? '') ?? 0) - (rank.get(b[0] ?? '') ?? 0))
    .map((component) => {
      const first = component[0] ?? '';
      return {
        code: 'cycle-without-wait',
        severity: 'error',
        nodeId: first,
        path: nodePath(first),
        message: `Nodes ${component.join(', ')} form a loop with no Wait for reply in it, so a journey would go round it forever; put a wait in the loop or break it.`,
      };
    });
}

/** Tarjan's algorithm, iterative so a long chain of nodes cannot overflow the stack. */
function stronglyConnectedComponents(
  nodes: readonly string[],
  next: ReadonlyMap<string, readonly string[]>,
): string[][] {
  const indexOf = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;

  for (const root of nodes) {
    if (indexOf.has(root)) continue;
    const work: Array<{ node: string; child: number }> = [{ node: root, child: 0 }];
    indexOf.set(root, counter);
    lowLink.set(root, counter);
    counter += 1;
    stack.push(root);
    onStack.add(root);

    while (work.length > 0) {
      const frame = work[work.length - 1];
      if (frame === undefined) break;
      const successors = next.get(frame.node) ?? [];
      const successor = successors[frame.child];
      if (successor !== undefined) {
        frame.child += 1;
        if (!indexOf.has(successor)) {
          indexOf.set(successor, counter);
          lowLink.set(successor, counter);
          counter += 1;
          stack.push(successor);
          onStack.add(successor);
          work.push({ node: successor, child: 0 });
        } else if (onStack.has(successor)) {
          lowLink.set(frame.node, Math.min(lowLink.get(frame.node) ?? 0, indexOf.get(successor) ?? 0));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent !== undefined) {
        lowLink.set(parent.node, Math.min(lowLink.get(parent.node) ?? 0, lowLink.get(frame.node) ?? 0));
      }
      if (lowLink.get(frame.node) === indexOf.get(frame.node)) {
        const component: string[] = [];
        for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
          onStack.delete(member);
          component.push(member);
          if (member === frame.node) break;
        }
        components.push(component);
      }
    }
  }
  return components;
}
