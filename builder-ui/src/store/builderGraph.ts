import type { Edge, Node } from '@xyflow/react';
import type { CanvasGraph, NodeType } from '@threadline/flows/types';

/**
 * The canvas graph in React Flow's shape. A node's data is exactly the flow language's
 * `CanvasNode.data`, and an edge's `sourceHandle` is the output name, so converting to the
 * compiler's `CanvasGraph` only drops React Flow's own bookkeeping (selection, measurements).
 */
export type FlowNodeData = { label?: string | undefined; config: Record<string, unknown> };
export type BuilderNode = Node<FlowNodeData, NodeType>;
export type BuilderEdge = Edge;

export function toCanvasGraph(nodes: readonly BuilderNode[], edges: readonly BuilderEdge[]): CanvasGraph {
  return {
    nodes: nodes.map(({ id, type, position, data }) => ({
      id,
      type,
      position: { x: position.x, y: position.y },
      data: { label: data.label, config: data.config },
    })),
    // An edge without a source handle cannot say which output it leaves from; `connect` never
    // creates one, so this only drops what React Flow might hand us from elsewhere.
    edges: edges.flatMap(({ id, source, sourceHandle, target }) =>
      typeof sourceHandle === 'string' ? [{ id, source, sourceHandle, target }] : [],
    ),
  };
}

export function fromCanvasGraph(graph: CanvasGraph): { nodes: BuilderNode[]; edges: BuilderEdge[] } {
  return {
    nodes: graph.nodes.map(({ id, type, position, data }) => ({
      id,
      type,
      position,
      data: { label: data.label, config: data.config },
    })),
    edges: graph.edges.map(({ id, source, sourceHandle, target }) => ({ id, source, sourceHandle, target })),
  };
}

/** A readable id that stays stable across edits: the type's last segment and the first free number. */
export function freshNodeId(type: NodeType, taken: ReadonlySet<string>): string {
  const prefix = type.split('.').at(-1) ?? type;
  for (let n = 1; ; n += 1) {
    const candidate = `${prefix}_${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
