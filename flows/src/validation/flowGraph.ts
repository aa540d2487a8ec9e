import type { FlowEdge } from '../types';

/**
 * The flow as a graph of numbered vertices for the data-flow checks: vertex 0 is a virtual root
 * joined to every trigger (a flow may have several entries), then one vertex per node, then one
 * per used output of a node, set between the node and where the output leads
 * (node --output--> output vertex --> target). "Every path into R leaves X by its output `o`"
 * is then plain dominance of R by the vertex of (X, o).
 */
export interface FlowGraph {
  successors: number[][];
  /** The vertex of each node, by node id. */
  nodeVertex: ReadonlyMap<string, number>;
  /** The vertex of (node, output), for outputs some edge leaves from. */
  outputVertex(nodeId: string, output: string): number | undefined;
}

export const ROOT_VERTEX = 0;

export function buildFlowGraph(
  nodeIds: Iterable<string>,
  triggerIds: Iterable<string>,
  edges: readonly FlowEdge[],
): FlowGraph {
  const successors: number[][] = [[]];
  const nodeVertex = new Map<string, number>();
  for (const nodeId of nodeIds) {
    nodeVertex.set(nodeId, successors.length);
    successors.push([]);
  }
  for (const triggerId of triggerIds) {
    const vertex = nodeVertex.get(triggerId);
    if (vertex !== undefined) successors[ROOT_VERTEX]?.push(vertex);
  }

  const outputs = new Map<string, Map<string, number>>();
  for (const edge of edges) {
    const from = nodeVertex.get(edge.from);
    const to = nodeVertex.get(edge.to);
    if (from === undefined || to === undefined) continue;
    let byOutput = outputs.get(edge.from);
    if (byOutput === undefined) {
      byOutput = new Map();
      outputs.set(edge.from, byOutput);
    }
    let vertex = byOutput.get(edge.output);
    if (vertex === undefined) {
      vertex = successors.length;
      successors.push([]);
      byOutput.set(edge.output, vertex);
      successors[from]?.push(vertex);
    }
    successors[vertex]?.push(to);
  }

  return {
    successors,
    nodeVertex,
    outputVertex: (nodeId, output) => outputs.get(nodeId)?.get(output),
  };
}
