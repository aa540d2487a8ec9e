import type { NodeResult } from '../catalog';
import { computeDominators } from './dominators';
import { ROOT_VERTEX, type FlowGraph } from './flowGraph';

/** Answers "has node X produced this result on every path into reader R?" for the template check. */
export interface ResultAvailability {
  /** True when some path from a trigger reaches the node. */
  isReachable(nodeId: string): boolean;
  /**
   * True when every path from a trigger into `readerId` passes through `producerId` and leaves
   * it by an output the result is set on (`on`). A node never has its own results while it runs
   * — a wait's re-prompt cannot read the reply it is still waiting for — so a node reading its
   * own results is false too; it reads `reply.*` instead.
   */
  isProducedOnEveryPath(producerId: string, on: NodeResult['on'], readerId: string): boolean;
}

export function resultAvailability(graph: FlowGraph): ResultAvailability {
  const dominators = computeDominators(graph.successors, ROOT_VERTEX);
  const reachableWithout = new Map<string, Uint8Array>();

  const producedByAnyOf = (outputVertices: readonly number[], reader: number): boolean => {
    if (outputVertices.some((vertex) => dominators.dominates(vertex, reader))) return true;
    // Rare: the result is set on several outputs and no one of them covers every path alone.
    // Then every path passes through one of them iff the reader cannot be reached without them.
    const key = [...outputVertices].sort((a, b) => a - b).join(',');
    let reached = reachableWithout.get(key);
    if (reached === undefined) {
      reached = reachAvoiding(graph.successors, new Set(outputVertices));
      reachableWithout.set(key, reached);
    }
    return reached[reader] !== 1;
  };

  return {
    isReachable: (nodeId) => {
      const vertex = graph.nodeVertex.get(nodeId);
      return vertex !== undefined && dominators.reachable(vertex);
    },
    isProducedOnEveryPath: (producerId, on, readerId) => {
      const producer = graph.nodeVertex.get(producerId);
      const reader = graph.nodeVertex.get(readerId);
      if (producer === undefined || reader === undefined || producer === reader) return false;
      if (!dominators.dominates(producer, reader)) return false;
      if (on === '*') return true;
      const outputVertices = on.flatMap((output) => {
        const vertex = graph.outputVertex(producerId, output);
        return vertex === undefined ? [] : [vertex];
      });
      return outputVertices.length > 0 && producedByAnyOf(outputVertices, reader);
    },
  };
}

/** Marks what the root reaches when the `avoided` vertices are taken out of the graph. */
function reachAvoiding(successors: readonly (readonly number[])[], avoided: ReadonlySet<number>): Uint8Array {
  const reached = new Uint8Array(successors.length);
  reached[ROOT_VERTEX] = 1;
  const queue = [ROOT_VERTEX];
  for (let head = 0; head < queue.length; head += 1) {
    for (const next of successors[queue[head] ?? ROOT_VERTEX] ?? []) {
      if (reached[next] === 1 || avoided.has(next)) continue;
      reached[next] = 1;
      queue.push(next);
    }
  }
  return reached;
}
