import type { FlowEdge } from '../types';

/**
 * The canvas edge id of an edge. Definitions have no edge ids (an output leads to one node, so
 * from/output/to is the identity); deriving the canvas id from it is what makes the round trip
 * canvas → definition → canvas lossless. The builder names new edges with this too.
 */
export function canvasEdgeId(edge: FlowEdge): string {
  return `${edge.from}.${edge.output}->${edge.to}`;
}
