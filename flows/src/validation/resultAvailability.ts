import type { NodeResult } from '../catalog';
import { computeDominators, type Dominators } from './dominators';
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

/**
 * The lists of several outputs a node's results are set on (a gather's value on `captured` or
 * `invalid`), so that those can be answered in one pass for the whole flow; see below.
 */
export type ResultOutputSets = (nodeId: string) => ReadonlyArray<readonly string[]>;

const NO_SETS: ResultOutputSets = () => [];

export function resultAvailability(graph: FlowGraph, resultOutputSets: ResultOutputSets = NO_SETS): ResultAvailability {
  const dominators = computeDominators(graph.successors, ROOT_VERTEX);
  let merged: MergedOutputs | undefined;
  const reachableWithout = new Map<string, Uint8Array>();

  const producedByAnyOf = (outputVertices: readonly number[], reader: number): boolean => {
    if (outputVertices.some((vertex) => dominators.dominates(vertex, reader))) return true;
    // The result is set on several outputs and no one of them covers every path alone: then
    // every path passes through one of them iff it passes through a vertex that stands for them
    // all. Such vertices are added for every node's result output sets at once, the first time
    // one is needed, and dominators computed again: one more linear-ish pass for the whole flow,
    // where a search per producer would grow with the square of the flow.
    merged ??= mergeResultOutputs(graph, resultOutputSets);
    const key = vertexSetKey(outputVertices);
    const mergeVertex = merged.vertexOf.get(key);
    if (mergeVertex !== undefined) return merged.dominators.dominates(mergeVertex, reader);
    // A set of outputs no ResultOutputSets named (or overlapping another of its node): every path
    // passes through one of them iff the reader cannot be reached without them.
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
      const outputVertices = outputVerticesOf(graph, producerId, on);
      return outputVertices.length > 0 && producedByAnyOf(outputVertices, reader);
    },
  };
}

function outputVerticesOf(graph: FlowGraph, nodeId: string, outputs: readonly string[]): number[] {
  const vertices = new Set<number>();
  for (const output of outputs) {
    const vertex = graph.outputVertex(nodeId, output);
    if (vertex !== undefined) vertices.add(vertex);
  }
  return [...vertices];
}

function vertexSetKey(vertices: readonly number[]): string {
  return [...vertices].sort((a, b) => a - b).join(',');
}

interface MergedOutputs {
  /** The merge vertex standing for a set of output vertices, by vertexSetKey. */
  vertexOf: ReadonlyMap<string, number>;
  dominators: Dominators;
}

/**
 * The flow graph with, for each node and each of its result output sets (two or more used
 * outputs), a vertex set between the node and those outputs: node → merge → each output. Every
 * path through one of the outputs now passes the merge vertex and every path through the merge
 * vertex goes on through one of them, so "every path into R leaves X by one of these outputs" is
 * "the merge vertex dominates R". Paths between the flow's own vertices are unchanged, so their
 * dominance is too. Sets of one node that overlap are left to the search.
 */
function mergeResultOutputs(graph: FlowGraph, resultOutputSets: ResultOutputSets): MergedOutputs {
  const successors = graph.successors.map((targets) => targets);
  const vertexOf = new Map<string, number>();
  for (const [nodeId, nodeVertex] of graph.nodeVertex) {
    const taken = new Set<number>();
    for (const outputs of resultOutputSets(nodeId)) {
      const vertices = outputVerticesOf(graph, nodeId, outputs);
      if (vertices.length < 2 || vertices.some((vertex) => taken.has(vertex))) continue;
      const key = vertexSetKey(vertices);
      if (vertexOf.has(key)) continue;
      for (const vertex of vertices) taken.add(vertex);
      const mergeVertex = successors.length;
      successors.push(vertices);
      successors[nodeVertex] = [...(successors[nodeVertex] ?? []).filter((next) => !taken.has(next)), mergeVertex];
      vertexOf.set(key, mergeVertex);
    }
  }
  return { vertexOf, dominators: computeDominators(successors, ROOT_VERTEX) };
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
