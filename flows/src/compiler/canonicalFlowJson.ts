import { isNodeType, nodeCatalog } from '../catalog';
import { flowInterfaceSchema, flowSettingsSchema } from '../schema/flowInterfaceSchema';
import type { FlowDefinition, FlowEdge, FlowNode, NodeType } from '../types';
import { canonicalPlanOf, canonicalValueByPlan, compareText, type CanonicalPlan } from './canonicalValueBySchema';

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
    interface: canonicalValueByPlan(definition.interface, canonicalPlanOf([flowInterfaceSchema])),
    settings: canonicalValueByPlan(definition.settings, canonicalPlanOf([flowSettingsSchema])),
    nodes: definition.nodes.map(canonicalNode),
    edges: [...definition.edges].sort(compareEdges).map(canonicalEdge),
    layout: canonicalLayout(definition.layout),
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
  return canonicalValueByPlan(node.config, isNodeType(type) ? configPlanOf(type) : canonicalPlanOf([]));
}

/** Worked out once per type: a big flow has thousands of nodes of a few types. */
const configPlans = new Map<NodeType, CanonicalPlan>();

/** A config's order: the catalog's `fields` first, then the rest of its schema's shape. */
function configPlanOf(type: NodeType): CanonicalPlan {
  let plan = configPlans.get(type);
  if (plan === undefined) {
    const entry = nodeCatalog[type];
    plan = canonicalPlanOf([entry.configSchema], entry.fields.map((field) => field.name));
    configPlans.set(type, plan);
  }
  return plan;
}

function canonicalLayout(layout: FlowDefinition['layout']): FlowDefinition['layout'] {
  const canonical: FlowDefinition['layout'] = {};
  for (const nodeId of Object.keys(layout).sort(compareText)) {
    const position = layout[nodeId];
    if (position === undefined) continue;
    // As with configs, a node id "__proto__" must stay a key.
    const value = { x: position.x, y: position.y };
    if (nodeId === '__proto__') Object.defineProperty(canonical, nodeId, { value, enumerable: true, writable: true, configurable: true });
    else canonical[nodeId] = value;
  }
  return canonical;
}

function canonicalEdge(edge: FlowEdge): FlowEdge {
  return { from: edge.from, output: edge.output, to: edge.to };
}

function compareEdges(a: FlowEdge, b: FlowEdge): number {
  return compareText(a.from, b.from) || compareText(a.output, b.output) || compareText(a.to, b.to);
}
