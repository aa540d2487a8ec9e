import { isNodeType, nodeCatalog } from '../catalog';
import type { FlowDefinition, FlowEdge, FlowNode } from '../types';

/*
 * A flow lives in git, so its JSON must not churn: the same definition always prints the same
 * bytes, whatever order the builder happened to build its objects in. Keys come in a fixed order
 * (a node's config in its catalog field order), nodes stay in their given order (it is the
 * palette/reading order the author chose), edges are sorted by from/output/to and layout by id.
 * `$schema` leads when present, as editors expect; then schemaVersion.
 */
export function canonicalFlowJson(definition: FlowDefinition): string {
  const canonical = {
    $schema: definition.$schema,
    schemaVersion: definition.schemaVersion,
    id: definition.id,
    name: definition.name,
    description: definition.description,
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

function canonicalConfig(node: FlowNode): Record<string, unknown> {
  const config: Record<string, unknown> = { ...node.config };
  const declared: readonly string[] = isNodeType(node.type)
    ? nodeCatalog[node.type].fields.map((field) => field.name)
    : [];
  const keys = [
    ...declared.filter((key) => Object.hasOwn(config, key)),
    ...Object.keys(config)
      .filter((key) => !declared.includes(key))
      .sort(compareText),
  ];
  return Object.fromEntries(keys.map((key) => [key, canonicalValue(config[key])]));
}

/** Nested config values (split conditions) get the same treatment: known keys first, then sorted. */
function canonicalValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalValue);
  if (typeof value !== 'object' || value === null) return value;
  const record: Record<string, unknown> = { ...value };
  const keys = Object.keys(record).sort(
    (a, b) => conditionKeyRank(a) - conditionKeyRank(b) || compareText(a, b),
  );
  return Object.fromEntries(keys.map((key) => [key, canonicalValue(record[key])]));
}

const CONDITION_KEY_ORDER = ['output', 'operator', 'values'];

function conditionKeyRank(key: string): number {
  const rank = CONDITION_KEY_ORDER.indexOf(key);
  return rank === -1 ? CONDITION_KEY_ORDER.length : rank;
}

function canonicalEdge(edge: FlowEdge): FlowEdge {
  return { from: edge.from, output: edge.output, to: edge.to };
}

function compareEdges(a: FlowEdge, b: FlowEdge): number {
  return compareText(a.from, b.from) || compareText(a.output, b.output) || compareText(a.to, b.to);
}

/** Code-unit order, not locale order: the bytes must not depend on the machine's locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
