import { isNodeType, nodeCatalog } from '../catalog';
import { flowInterfaceSchema, flowSettingsSchema } from '../schema/flowInterfaceSchema';
import type { FlowDefinition, FlowEdge, FlowNode, NodeType } from '../types';
import { canonicalValueBySchema, compareText } from './canonicalValueBySchema';

/*
 * A flow lives in git, so its JSON must not churn: the same definition always prints the same
 * bytes, whatever order the builder happened to build its objects in. Keys come in a fixed order
 * (a node's config in its catalog field order, nested objects in their zod schema's order; see
 * canonicalValueBySchema), nodes stay in their given order (it is the reading order the author
 * chose), edges are sorted by from/output/to and layout by id. `$schema` leads when present, as
 * editors expect; then schemaVersion.
 */
export function canonicalFlowJson(definition: FlowDefinition): string {
  const canonical = {
    $schema: definition.$schema,
    schemaVersion: definition.schemaVersion,
    id: definition.id,
    name: definition.name,
    description: definition.description,
    interface: canonicalValueBySchema(definition.interface, [flowInterfaceSchema]),
    settings: canonicalValueBySchema(definition.settings, [flowSettingsSchema]),
    nodes: definition.nodes.map(canonicalNode),
    edges: [...definition.edges].sort(compareEdges).map(canonicalEdge),
    layout: Object.fromEntries(
      Object.keys(definition.layout)
        .sort(compareText)
        .flatMap((nodeId) => {
          const position = definition.layout[nodeId];
          return position === undefined ? [] : [[nodeId, { x: position.x, y: position.y }]];
        }),
    ),
  };
  // JSON.stringify drops the undefined optionals, so absent and undefined print the same.
  return `${JSON.stringify(canonical, null, 2)}\n`;
}

function canonicalNode(node: FlowNode) {
  return { id: node.id, type: node.type, label: node.label, config: canonicalConfig(node) };
}

function canonicalConfig(node: FlowNode): unknown {
  // A draft may hold a type the catalog does not know; its config keys are simply sorted.
  const type: string = node.type;
  if (!isNodeType(type)) return canonicalValueBySchema(node.config, []);
  const { fieldNames, configSchema } = configOrderOf(type);
  return canonicalValueBySchema(node.config, [configSchema], fieldNames);
}

interface ConfigOrder {
  fieldNames: readonly string[];
  configSchema: Parameters<typeof canonicalValueBySchema>[1][number];
}

/** Worked out once per type: a big flow has thousands of nodes of a few types. */
const configOrders = new Map<NodeType, ConfigOrder>();

function configOrderOf(type: NodeType): ConfigOrder {
  let order = configOrders.get(type);
  if (order === undefined) {
    const entry = nodeCatalog[type];
    order = { fieldNames: entry.fields.map((field) => field.name), configSchema: entry.configSchema };
    configOrders.set(type, order);
  }
  return order;
}

function canonicalEdge(edge: FlowEdge): FlowEdge {
  return { from: edge.from, output: edge.output, to: edge.to };
}

function compareEdges(a: FlowEdge, b: FlowEdge): number {
  return compareText(a.from, b.from) || compareText(a.output, b.output) || compareText(a.to, b.to);
}
