import { catalogEntryOf } from '../catalog';
import type { NodeCatalogEntry } from '../catalog/nodeCatalogEntry';
import { parseFlowDefinition } from '../schema/parseFlowDefinition';
import {
  CURRENT_SCHEMA_VERSION,
  type FlowDefinition,
  type FlowEdge,
  type FlowInterface,
  type FlowNode,
  type FlowNodeOf,
  type NodePosition,
  type NodeType,
  type ValidationIssue,
} from '../types';
import { mapPlaceholderWidget } from './mapPlaceholderWidget';
import { mapWidget } from './mapWidget';
import { variablesSetBy } from './mapLogicWidgets';
import type { WidgetTarget } from './rewriteStudioTemplate';
import { studioFlowSchema, type StudioFlow, type StudioState } from './studioFlowSchema';
import type { StudioImportReport } from './studioImportReport';
import { UniqueNames, nodeIdOf, variableNameOf } from './studioNames';
import { kebabCaseOf, studioWidgetTypeOf } from './studioWidgetType';
import { WidgetContext, hasNext, type WidgetMapping } from './widgetContext';

export interface StudioImportOptions {
  /** The Threadline flow id to give the imported flow. */
  id: string;
  /** Its name; defaults to the Studio flow's description or friendly name. */
  name?: string;
  /** Threadline flow ids of already imported subflows, by their Studio flow SID (FW…). */
  subflowIds?: Readonly<Record<string, string>>;
}

export type StudioImportResult =
  | { ok: true; definition: FlowDefinition; report: StudioImportReport }
  | { ok: false; issues: ValidationIssue[] };

/**
 * Turns a Twilio Studio flow definition (as exported, or as the REST API's Flow resource with
 * its `definition`) into a Threadline definition: widgets become nodes keeping their names as
 * ids, Studio's Liquid paths become Threadline's, positions are kept, transitions that end the
 * execution lead to `end` nodes, and what cannot be mapped becomes a placeholder. Never throws:
 * input that is not a Studio flow comes back as issues.
 */
export function importStudioFlow(input: unknown, options: StudioImportOptions): StudioImportResult {
  const { flow: raw, friendlyName } = unwrapFlowResource(input);
  const parsed = studioFlowSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => ({
        code: 'invalid-definition',
        severity: 'error',
        path: studioPathOf(issue.path),
        message: `not a Twilio Studio flow definition: ${issue.message}`,
      })),
    };
  }
  const flow = parsed.data;
  const rawStates = isRecord(raw) && Array.isArray(raw['states']) ? raw['states'] : [];
  const name = options.name ?? nonBlank(flow.description) ?? nonBlank(friendlyName) ?? options.id;
  const built = buildDefinition(flow, rawStates, { ...options, name });
  const checked = parseFlowDefinition(built.definition);
  if (!checked.ok) return { ok: false, issues: checked.issues };
  return { ok: true, definition: checked.definition, report: built.report };
}

interface Built {
  definition: FlowDefinition;
  report: StudioImportReport;
}

function buildDefinition(
  flow: StudioFlow,
  rawStates: readonly unknown[],
  options: StudioImportOptions & { name: string },
): Built {
  const report: StudioImportReport = { mapped: [], approximated: [], unmapped: [], danglingReferences: [] };
  const ids = new UniqueNames();
  const widgets = new Map<string, WidgetTarget>();
  const targets: WidgetTarget[] = flow.states.map((state) => {
    if (widgets.has(state.name)) {
      report.approximated.push({ widget: state.name, note: 'another widget has the same name; transitions lead to the first' });
    }
    const target: WidgetTarget = { nodeId: ids.claim(nodeIdOf(state.name)), type: studioWidgetTypeOf(state.type) };
    if (!widgets.has(state.name)) widgets.set(state.name, target);
    return target;
  });
  // The send half of a send-and-wait is named before any template that may read it is rewritten.
  for (const target of targets) {
    if (target.type === 'send-and-wait-for-reply') target.sendNodeId = ids.claim(`${target.nodeId}_send`.slice(0, 64));
  }

  const facts = {
    flowName: options.name,
    dataFields: dataFieldsRead(flow),
    subflowIds: options.subflowIds ?? {},
  };
  const mappings: Array<{ state: StudioState; mapping: WidgetMapping }> = [];
  flow.states.forEach((state, index) => {
    const target = targets[index] ?? { nodeId: ids.claim(nodeIdOf(state.name)), type: undefined };
    const ctx = new WidgetContext(state, target.nodeId, positionOf(state), widgets, ids, report);
    const type = target.type;
    let mapping = type === undefined ? undefined : mapWidget(type, ctx, { ...facts, sendNodeId: target.sendNodeId });
    // A setting no Threadline node can take would make the whole definition unparseable; the
    // widget becomes a placeholder that says which, and the rest of the flow still imports.
    const problems = mapping === undefined ? [] : mapping.nodes.flatMap(({ node }) => configProblemsOf(node));
    if (mapping === undefined || problems.length > 0) {
      const why = problems.length > 0 ? `has settings a Threadline node cannot take: ${problems.join('; ')}` : ctx.unmappableReason;
      mapping = mapPlaceholderWidget(ctx, kebabCaseOf(state.type), rawStates[index] ?? state, why);
    }
    if (mapping.unmapped === true) {
      report.unmapped.push({ widget: state.name, type: state.type });
    } else if (ctx.notes.length === 0) {
      report.mapped.push(state.name);
    }
    for (const note of ctx.notes) report.approximated.push({ widget: state.name, note });
    mappings.push({ state, mapping });
  });

  const entries = new Map<string, string>();
  for (const { state, mapping } of mappings) {
    if (!entries.has(state.name) && studioWidgetTypeOf(state.type) !== 'trigger') entries.set(state.name, mapping.entry);
  }

  const nodes: FlowNode[] = [];
  const layout: Record<string, NodePosition> = {};
  for (const { mapping } of mappings) {
    for (const { node, position } of mapping.nodes) {
      nodes.push(node);
      layout[node.id] = position;
    }
  }
  const ends = new EndNodes(ids, nodes, layout);
  const edges = new EdgeSet();
  for (const { mapping } of mappings) for (const edge of mapping.edges) edges.add(edge);

  for (const { state, mapping } of mappings) {
    state.transitions.forEach((transition, index) => {
      const exits = mapping.exits[index] ?? [];
      let to: string | undefined;
      if (hasNext(transition)) {
        to = entries.get(transition.next);
        if (to === undefined) {
          report.danglingReferences.push({ widget: state.name, field: `transitions[${index}].next`, reference: transition.next });
        }
      }
      for (const exit of exits) {
        // A transition that ends the execution adds nothing where its output already leads on.
        if (to === undefined && edges.hasOutput(exit.from, exit.output)) continue;
        const added = edges.add({ ...exit, to: to ?? ends.endFor(exit.output, layout[exit.from]) });
        if (!added) {
          report.approximated.push({
            widget: state.name,
            note: `its "${transition.event}" transition shares the "${exit.output}" output with an earlier one, which it follows`,
          });
        }
      }
    });
  }

  // Threadline wants every output connected or deliberately ended; Studio left them open.
  for (const node of [...nodes]) {
    for (const output of outputsOf(node)) {
      if (!edges.hasOutput(node.id, output)) edges.add({ from: node.id, output, to: ends.endFor(output, layout[node.id]) });
    }
  }

  const flowInterface = subflowInterfaceOf(flow, facts.dataFields);
  if (flowInterface !== undefined) ends.returnOutputs(flowInterface.outputs.map((output) => output.name));

  const definition: FlowDefinition = {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id: options.id,
    name: options.name,
    ...(nonBlank(flow.description) === undefined || flow.description === options.name ? {} : { description: flow.description }),
    ...(flowInterface === undefined ? {} : { interface: flowInterface }),
    nodes,
    edges: edges.all(),
    layout,
  };
  return { definition, report };
}

/** The edges of the flow, at most one per node output. */
class EdgeSet {
  private readonly byOutput = new Map<string, FlowEdge>();

  add(edge: FlowEdge): boolean {
    const key = `${edge.from}\u0000${edge.output}`;
    const existing = this.byOutput.get(key);
    if (existing !== undefined) return existing.to === edge.to;
    this.byOutput.set(key, edge);
    return true;
  }

  hasOutput(from: string, output: string): boolean {
    return this.byOutput.has(`${from}\u0000${output}`);
  }

  all(): FlowEdge[] {
    return [...this.byOutput.values()];
  }
}

/** One `end` node per outcome (the output that led there), placed below its first user. */
class EndNodes {
  private readonly byOutcome = new Map<string, FlowNodeOf<'end'>>();

  constructor(
    private readonly ids: UniqueNames,
    private readonly nodes: FlowNode[],
    private readonly layout: Record<string, NodePosition>,
  ) {}

  endFor(outcome: string, near: NodePosition | undefined): string {
    const existing = this.byOutcome.get(outcome);
    if (existing !== undefined) return existing.id;
    const end: FlowNodeOf<'end'> = { id: this.ids.claim(`end_${outcome}`.slice(0, 64)), type: 'end', config: { outcome, returns: [] } };
    this.byOutcome.set(outcome, end);
    this.nodes.push(end);
    // Side by side under the node that first needs them, so they do not cover each other.
    this.layout[end.id] = { x: (near?.x ?? 0) + 240 * (this.byOutcome.size - 1), y: (near?.y ?? 0) + 220 };
    return end.id;
  }

  /** In a subflow, every end gives the parent the variables the flow set, as Studio does. */
  returnOutputs(names: readonly string[]): void {
    for (const end of this.byOutcome.values()) {
      end.config.returns = names.map((name) => ({ name, value: `{{ vars.${name} }}` }));
    }
  }
}

function configProblemsOf(node: FlowNode): string[] {
  return configProblemsOfTyped(node);
}

function configProblemsOfTyped<T extends NodeType>(node: FlowNodeOf<T>): string[] {
  const entry: NodeCatalogEntry<T> = catalogEntryOf(node.type);
  const result = entry.configSchema.safeParse(node.config);
  if (result.success) return [];
  return result.error.issues.map((issue) => `${[node.type, ...issue.path.map(String)].join('.')}: ${issue.message}`);
}

function outputsOf(node: FlowNode): readonly string[] {
  return outputsOfTyped(node);
}

function outputsOfTyped<T extends NodeType>(node: FlowNodeOf<T>): readonly string[] {
  const entry: NodeCatalogEntry<T> = catalogEntryOf(node.type);
  return entry.outputs(node.config);
}

/**
 * A flow a parent can run (its trigger has a connected `incomingParent`) declares what it reads
 * from flow.data as inputs and the variables it sets as outputs: in Studio, every variable a
 * subflow sets comes back to the parent.
 */
function subflowInterfaceOf(flow: StudioFlow, dataFields: readonly string[]): FlowInterface | undefined {
  const startedByParent = flow.states.some(
    (state) =>
      studioWidgetTypeOf(state.type) === 'trigger' &&
      state.transitions.some((transition) => transition.event === 'incomingParent' && hasNext(transition)),
  );
  if (!startedByParent) return undefined;
  const outputs = new Set<string>();
  for (const state of flow.states) {
    if (studioWidgetTypeOf(state.type) === 'set-variables') for (const name of variablesSetBy(state.properties)) outputs.add(name);
  }
  return {
    inputs: dataFields.map((name) => ({ name, required: false })),
    outputs: [...outputs].map((name) => ({ name })),
  };
}

const DATA_PATH = /\b(?:flow\.data|trigger\.(?:request|parent)\.parameters)\.([A-Za-z_][A-Za-z0-9_]*)/g;

/** The flow.data fields (REST API parameters, a parent's parameters) any widget reads. */
function dataFieldsRead(flow: StudioFlow): string[] {
  const fields = new Set<string>();
  const visit = (value: unknown, depth: number): void => {
    if (depth > 20) return;
    if (typeof value === 'string') {
      for (const match of value.matchAll(DATA_PATH)) if (match[1] !== undefined) fields.add(variableNameOf(match[1]));
    } else if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
    } else if (isRecord(value)) {
      for (const item of Object.values(value)) visit(item, depth + 1);
    }
  };
  for (const state of flow.states) {
    visit(state.properties, 0);
    visit(state.transitions, 0);
  }
  return [...fields].sort();
}

function positionOf(state: StudioState): NodePosition {
  const offset = state.properties.offset;
  return offset === undefined ? { x: 0, y: 0 } : { x: offset.x, y: offset.y };
}

/** The REST API's Flow resource wraps the definition: `{ sid, friendly_name, definition }`. */
function unwrapFlowResource(input: unknown): { flow: unknown; friendlyName: string | undefined } {
  let value = input;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return { flow: input, friendlyName: undefined };
    }
  }
  if (isRecord(value) && !('states' in value) && isRecord(value['definition'])) {
    const friendlyName = typeof value['friendly_name'] === 'string' ? value['friendly_name'] : undefined;
    return { flow: value['definition'], friendlyName };
  }
  return { flow: value, friendlyName: undefined };
}

/** `['states', 2, 'type']` → "states[2].type", the way the Studio JSON is navigated. */
function studioPathOf(path: readonly PropertyKey[]): string {
  const text = path.map((segment) => (typeof segment === 'number' ? `[${segment}]` : `.${String(segment)}`)).join('');
  return text.startsWith('.') ? text.slice(1) : text === '' ? '(root)' : text;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonBlank(text: string | undefined): string | undefined {
  return text === undefined || text.trim() === '' ? undefined : text;
}
