import type { FlowDefinition, FlowNode, NodePosition } from '../types';
import { isRecord, sameJson } from './sameJson';

export interface NodeBrief {
  id: string;
  type: string;
  label?: string | undefined;
}

export interface NodeChange extends NodeBrief {
  /** Set when the node's type changed under the same id. */
  typeChange?: { before: string; after: string };
  labelChange?: { before: string | undefined; after: string | undefined };
  /** Top-level config keys whose value differs, in the newer node's key order. */
  configFields: string[];
}

/** Where one output of one node leads: the targets before and after (usually one each). */
export interface EdgeChange {
  from: string;
  output: string;
  before: string[];
  after: string[];
}

export type FlowSection = 'name' | 'description' | 'interface' | 'settings';

export interface SectionChange {
  section: FlowSection;
  /** For interface and settings: which of their keys changed. */
  fields: string[];
  /** For name and description: the texts. */
  before?: string | undefined;
  after?: string | undefined;
}

export interface DefinitionDiff {
  /** In the order the newer definition lists them. */
  added: NodeBrief[];
  /** In the order the older definition listed them. */
  removed: NodeBrief[];
  changed: NodeChange[];
  edges: EdgeChange[];
  sections: SectionChange[];
  /** Only when asked for: nodes present in both whose canvas position changed. */
  moved: string[];
}

export interface DiffOptions {
  /** Report canvas moves too; by default a layout-only change is no change. */
  layout?: boolean;
}

/**
 * What changed from `before` (the published version) to `after` (the file), node by node:
 * nodes are matched by id, so a renamed label is a change of that node and never a remove and
 * an add; edges are compared per node output, the unit an author rewires. Node order, key order
 * and the schema version are not meaningful and are ignored.
 */
export function diffDefinitions(before: FlowDefinition, after: FlowDefinition, options: DiffOptions = {}): DefinitionDiff {
  const beforeNodes = nodesById(before.nodes);
  const afterNodes = nodesById(after.nodes);
  const added = after.nodes.filter((node) => !beforeNodes.has(node.id)).map(briefOf);
  const removed = before.nodes.filter((node) => !afterNodes.has(node.id)).map(briefOf);
  const changed: NodeChange[] = [];
  for (const node of afterNodes.values()) {
    const old = beforeNodes.get(node.id);
    if (old === undefined) continue;
    const change = nodeChange(old, node);
    if (change !== undefined) changed.push(change);
  }
  return {
    added,
    removed,
    changed,
    edges: edgeChanges(before, after),
    sections: sectionChanges(before, after),
    moved: options.layout === true ? movedNodes(before.layout, after.layout, beforeNodes, afterNodes) : [],
  };
}

export function isSameDefinition(diff: DefinitionDiff): boolean {
  return (
    diff.added.length === 0 &&
    diff.removed.length === 0 &&
    diff.changed.length === 0 &&
    diff.edges.length === 0 &&
    diff.sections.length === 0 &&
    diff.moved.length === 0
  );
}

/** The first node with each id wins, as in validation; a duplicate is validate's to report. */
function nodesById(nodes: readonly FlowNode[]): Map<string, FlowNode> {
  const byId = new Map<string, FlowNode>();
  for (const node of nodes) if (!byId.has(node.id)) byId.set(node.id, node);
  return byId;
}

function briefOf(node: FlowNode): NodeBrief {
  return { id: node.id, type: node.type, ...(node.label === undefined ? {} : { label: node.label }) };
}

function nodeChange(before: FlowNode, after: FlowNode): NodeChange | undefined {
  const typeChanged = before.type !== after.type;
  const labelChanged = (before.label ?? undefined) !== (after.label ?? undefined);
  const configFields = changedKeys(before.config, after.config);
  if (!typeChanged && !labelChanged && configFields.length === 0) return undefined;
  return {
    ...briefOf(after),
    ...(typeChanged ? { typeChange: { before: before.type, after: after.type } } : {}),
    ...(labelChanged ? { labelChange: { before: before.label, after: after.label } } : {}),
    configFields,
  };
}

/** Keys of two objects whose values differ: the newer object's keys first, then removed ones. */
function changedKeys(before: unknown, after: unknown): string[] {
  const a = isRecord(before) ? before : {};
  const b = isRecord(after) ? after : {};
  const keys = [...Object.keys(b), ...Object.keys(a).filter((key) => !(key in b))];
  return keys.filter((key) => !sameJson(a[key], b[key]));
}

function edgeChanges(before: FlowDefinition, after: FlowDefinition): EdgeChange[] {
  const beforeTargets = targetsByOutput(before);
  const afterTargets = targetsByOutput(after);
  const changes: EdgeChange[] = [];
  const keys = [...afterTargets.keys(), ...[...beforeTargets.keys()].filter((key) => !afterTargets.has(key))];
  for (const key of keys) {
    const was = beforeTargets.get(key);
    const now = afterTargets.get(key);
    const wasTargets = was?.targets ?? [];
    const nowTargets = now?.targets ?? [];
    if (sameJson(wasTargets, nowTargets)) continue;
    const source = now ?? was;
    if (source === undefined) continue;
    changes.push({ from: source.from, output: source.output, before: wasTargets, after: nowTargets });
  }
  return changes.sort((a, b) => compare(a.from, b.from) || compare(a.output, b.output));
}

interface OutputTargets {
  from: string;
  output: string;
  targets: string[];
}

function targetsByOutput(definition: FlowDefinition): Map<string, OutputTargets> {
  const byOutput = new Map<string, OutputTargets>();
  for (const edge of definition.edges) {
    // JSON keeps the two apart even when an id or output name holds any character.
    const key = JSON.stringify([edge.from, edge.output]);
    const entry = byOutput.get(key) ?? { from: edge.from, output: edge.output, targets: [] };
    entry.targets.push(edge.to);
    byOutput.set(key, entry);
  }
  for (const entry of byOutput.values()) entry.targets.sort(compare);
  return byOutput;
}

function sectionChanges(before: FlowDefinition, after: FlowDefinition): SectionChange[] {
  const changes: SectionChange[] = [];
  if (before.name !== after.name) changes.push({ section: 'name', fields: [], before: before.name, after: after.name });
  if ((before.description ?? '') !== (after.description ?? '')) {
    changes.push({ section: 'description', fields: [], before: before.description, after: after.description });
  }
  for (const section of ['interface', 'settings'] as const) {
    const fields = changedKeys(before[section], after[section]);
    if (fields.length > 0) changes.push({ section, fields });
  }
  return changes;
}

function movedNodes(
  before: Readonly<Record<string, NodePosition>>,
  after: Readonly<Record<string, NodePosition>>,
  beforeNodes: ReadonlyMap<string, FlowNode>,
  afterNodes: ReadonlyMap<string, FlowNode>,
): string[] {
  return [...afterNodes.keys()].filter((id) => beforeNodes.has(id) && !sameJson(before[id], after[id]));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
