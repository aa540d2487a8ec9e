import type { FlowDefinition, FlowNode } from '../types';

/** A definition's nodes by id and its edges by `<from>\u0000<output>`, built once per journey. */
export interface DefinitionIndex {
  nodes: ReadonlyMap<string, FlowNode>;
  edges: ReadonlyMap<string, string>;
}

const edgeKey = (from: string, output: string): string => `${from}\u0000${output}`;

export function indexDefinition(definition: FlowDefinition): DefinitionIndex {
  const nodes = new Map<string, FlowNode>();
  for (const node of definition.nodes) nodes.set(node.id, node);
  const edges = new Map<string, string>();
  for (const edge of definition.edges) edges.set(edgeKey(edge.from, edge.output), edge.to);
  return { nodes, edges };
}

/** The node an output of `nodeId` leads to, or undefined when that output is not connected. */
export function nextNodeId(index: DefinitionIndex, nodeId: string, output: string): string | undefined {
  return index.edges.get(edgeKey(nodeId, output));
}
