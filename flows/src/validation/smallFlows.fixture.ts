import { defaultConfigOf } from '../catalog';
import { outputsOf } from '../runtime/outputsOf';
import type { FlowDefinition, FlowEdge, FlowInterface, FlowNode, FlowNodeOf, NodeConfigs, NodeType } from '../types';

/** A node of `type` with its catalog defaults, and `config` over them. */
export function node<T extends NodeType>(id: string, type: T, config: Partial<NodeConfigs[T]> = {}): FlowNodeOf<T> {
  return { id, type, config: { ...defaultConfigOf(type), ...config } };
}

/** `from --output--> to`, written as it reads. */
export function edge(from: string, output: string, to: string): FlowEdge {
  return { from, output, to };
}

export function flow(nodes: FlowNode[], edges: FlowEdge[], flowInterface?: FlowInterface): FlowDefinition {
  return {
    schemaVersion: 2,
    id: 'test',
    name: 'Test',
    ...(flowInterface === undefined ? {} : { interface: flowInterface }),
    nodes,
    edges,
    layout: {},
  };
}

/** `edges`, plus an edge to `to` from every output they leave unconnected: only the point of a test stays. */
export function withRestTo(nodes: readonly FlowNode[], edges: readonly FlowEdge[], to: string): FlowEdge[] {
  const wired = new Set(edges.map((candidate) => `${candidate.from}\u0000${candidate.output}`));
  const rest = nodes
    .filter((candidate) => candidate.id !== to)
    .flatMap((candidate) =>
      outputsOf(candidate)
        .filter((output) => !wired.has(`${candidate.id}\u0000${output}`))
        .map((output) => edge(candidate.id, output, to)),
    );
  return [...edges, ...rest];
}

/** A flow of `nodes`, the given edges, and every other output led to the node `to` (an end). */
export function flowEndingAt(to: string, nodes: FlowNode[], edges: FlowEdge[], flowInterface?: FlowInterface): FlowDefinition {
  return flow(nodes, withRestTo(nodes, edges, to), flowInterface);
}
