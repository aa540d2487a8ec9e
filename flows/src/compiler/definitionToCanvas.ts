import type { CanvasGraph, FlowDefinition } from '../types';
import { canvasEdgeId } from './canvasEdgeId';
import { cloneJsonValue } from './cloneJsonValue';
import type { FlowMeta } from './canvasToDefinition';

/** Where a node without a layout entry lands (a hand-written definition may leave layout out). */
const UNPLACED = { x: 0, y: 0 } as const;

/** Opens a definition on the canvas; the exact inverse of canvasToDefinition. */
export function definitionToCanvas(definition: FlowDefinition): CanvasGraph {
  return {
    nodes: definition.nodes.map((node) => {
      const position = definition.layout[node.id] ?? UNPLACED;
      return {
        id: node.id,
        type: node.type,
        position: { x: position.x, y: position.y },
        data: {
          ...(node.label === undefined ? {} : { label: node.label }),
          config: cloneJsonValue(node.config),
        },
      };
    }),
    edges: definition.edges.map((edge) => ({
      id: canvasEdgeId(edge),
      source: edge.from,
      sourceHandle: edge.output,
      target: edge.to,
    })),
  };
}

/** The part of a definition the canvas does not carry, for compiling it back. */
export function flowMetaOf(definition: FlowDefinition): FlowMeta {
  return {
    ...(definition.$schema === undefined ? {} : { $schema: definition.$schema }),
    id: definition.id,
    name: definition.name,
    ...(definition.description === undefined ? {} : { description: definition.description }),
    ...(definition.interface === undefined ? {} : { interface: cloneJsonValue(definition.interface) }),
    ...(definition.settings === undefined ? {} : { settings: cloneJsonValue(definition.settings) }),
  };
}
