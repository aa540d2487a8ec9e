import {
  CURRENT_SCHEMA_VERSION,
  type CanvasGraph,
  type CanvasNode,
  type FlowDefinition,
  type FlowInterface,
  type FlowNode,
  type FlowSettings,
  type NodePosition,
} from '../types';
import { cloneJsonValue } from './cloneJsonValue';

/** What the canvas does not hold: the flow's identity, prose, interface and settings. */
export interface FlowMeta {
  $schema?: string | undefined;
  id: string;
  name: string;
  description?: string | undefined;
  interface?: FlowInterface | undefined;
  settings?: FlowSettings | undefined;
}

/**
 * Compiles the builder's React Flow graph into a definition: nodes in canvas order, each edge's
 * source handle as its output name, positions into `layout`. It is purely structural and keeps
 * whatever the canvas holds, mistakes included, so a half-finished draft survives a save;
 * validateFlow is what judges the result.
 */
export function canvasToDefinition(graph: CanvasGraph, meta: FlowMeta): FlowDefinition {
  const layout: Record<string, NodePosition> = {};
  for (const node of graph.nodes) layout[node.id] = { x: node.position.x, y: node.position.y };
  return {
    ...(meta.$schema === undefined ? {} : { $schema: meta.$schema }),
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id: meta.id,
    name: meta.name,
    ...(meta.description === undefined ? {} : { description: meta.description }),
    ...(meta.interface === undefined ? {} : { interface: cloneJsonValue(meta.interface) }),
    ...(meta.settings === undefined ? {} : { settings: cloneJsonValue(meta.settings) }),
    nodes: graph.nodes.map(toFlowNode),
    edges: graph.edges.map((edge) => ({ from: edge.source, output: edge.sourceHandle, to: edge.target })),
    layout,
  };
}

function toFlowNode(node: CanvasNode): FlowNode {
  const { label, config } = node.data;
  // The canvas holds configs as loose records while they are being edited; this is the one
  // place they are taken at their word. validateFlow checks each against its catalog schema.
  return {
    id: node.id,
    type: node.type,
    ...(label === undefined ? {} : { label }),
    config: cloneJsonValue(config),
  } as FlowNode;
}
