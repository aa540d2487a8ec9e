import { isNodeType, nodeCatalog } from '../catalog';
import { nodePath } from '../schema/issuePaths';
import { isParsedNode } from '../schema/parsedNodes';
import { zodIssuesToValidationIssues } from '../schema/zodIssuesToValidationIssues';
import type { FlowDefinition, FlowNode, FlowNodeOf, NodeType, ValidationIssue } from '../types';

/** What the graph checks need to know about one node, once its own checks have run. */
export interface IndexedNode {
  node: FlowNode;
  isTrigger: boolean;
  waits: boolean;
  /** Undefined when the type is unknown or the config invalid: its outputs cannot be known. */
  outputs: readonly string[] | undefined;
  /**
   * The node with its config as its schema parsed it (defaults filled in); undefined when the
   * type is unknown or the config invalid, so the checks that read configs skip it.
   */
  valid: FlowNode | undefined;
}

export interface NodeIndex {
  /** The first node with each id, in definition order. */
  byId: Map<string, IndexedNode>;
  issues: ValidationIssue[];
}

/** Checks each node on its own (id unique, type known, config valid) and indexes them by id. */
export function indexNodes(definition: FlowDefinition): NodeIndex {
  const byId = new Map<string, IndexedNode>();
  const issues: ValidationIssue[] = [];

  definition.nodes.forEach((node, index) => {
    if (byId.has(node.id)) {
      issues.push({
        code: 'duplicate-node-id',
        severity: 'error',
        nodeId: node.id,
        path: nodePath(node.id),
        message: `Another node already has the id "${node.id}"; give this one its own id, since edges and templates refer to nodes by id.`,
      });
      return;
    }
    const type: string = node.type;
    if (!isNodeType(type)) {
      issues.push({
        code: 'unknown-node-type',
        severity: 'error',
        nodeId: node.id,
        path: `${nodePath(node.id)}.type`,
        message: `Node "${node.id}" has type "${type}", which is not in the node catalog; replace it with a known node.`,
      });
      byId.set(node.id, { node, isTrigger: false, waits: false, outputs: undefined, valid: undefined });
      return;
    }
    const checked = checkConfig(node);
    if (!checked.ok) {
      issues.push(...zodIssuesToValidationIssues(checked.issues, definition, ['nodes', index, 'config']));
    }
    const entry = nodeCatalog[type];
    byId.set(node.id, {
      node,
      isTrigger: entry.group === 'trigger',
      waits: entry.waits,
      outputs: checked.ok ? checked.outputs : undefined,
      valid: checked.ok ? checked.node : undefined,
    });
  });

  return { byId, issues };
}

type CheckedConfig =
  | { ok: true; outputs: readonly string[]; node: FlowNode }
  | { ok: false; issues: Parameters<typeof zodIssuesToValidationIssues>[0] };

function checkConfig<T extends NodeType>(node: FlowNodeOf<T>): CheckedConfig {
  const entry = nodeCatalog[node.type];
  // Straight out of parseFlowDefinition, the config has passed this very schema (defaults filled
  // in); parsing it again would give the same config and no issues, at a third of validation's time.
  if (isParsedNode(node)) return { ok: true, outputs: entry.outputs(node.config), node: node as FlowNode };
  const result = entry.configSchema.safeParse(node.config);
  if (!result.success) return { ok: false, issues: result.error.issues };
  // The config has just been parsed by the schema of this very type, so the pair is a member
  // of the FlowNode union; TypeScript cannot correlate a generic T with that union by itself.
  const parsed = { ...node, config: result.data } as FlowNode;
  return { ok: true, outputs: entry.outputs(result.data), node: parsed };
}
