import { canvasToDefinition, validateFlow } from '@threadline/flows';
import type { FlowDefinition, ValidationIssue } from '@threadline/flows/types';
import { toCanvasGraph } from './builderGraph';
import { useFlowStore, type FlowState } from './flowStore';

/**
 * Validation is derived from the graph, never stored beside it: the open flow is compiled with
 * the same compiler the API uses and checked by the same rules, so the badges on the canvas
 * agree with what publishing will say.
 */
export interface FlowValidation {
  definition: FlowDefinition | null;
  issues: ValidationIssue[];
  byNode: ReadonlyMap<string, ValidationIssue[]>;
  /** Issues that belong to no node (no trigger, a bad flow name…). */
  general: ValidationIssue[];
}

type Inputs = Pick<FlowState, 'meta' | 'nodes' | 'edges'>;

export function currentDefinition(state: Inputs): FlowDefinition {
  return canvasToDefinition(toCanvasGraph(state.nodes, state.edges), state.meta ?? { id: '', name: '' });
}

function validate(state: Inputs): FlowValidation {
  let definition: FlowDefinition | null = null;
  let issues: ValidationIssue[];
  try {
    definition = currentDefinition(state);
    issues = validateFlow(definition);
  } catch (error) {
    // The compiler refusing the graph is itself a finding the admin must see, not a crash.
    issues = [{ code: 'compile-failed', severity: 'error', path: '', message: String(error) }];
  }
  const byNode = new Map<string, ValidationIssue[]>();
  const general: ValidationIssue[] = [];
  for (const issue of issues) {
    if (issue.nodeId === undefined) {
      general.push(issue);
      continue;
    }
    const list = byNode.get(issue.nodeId) ?? [];
    list.push(issue);
    byNode.set(issue.nodeId, list);
  }
  return { definition, issues, byNode, general };
}

// Memoised on the identity of its inputs, so selectors return the same object until the graph
// changes and every node badge shares one validation run.
let lastInputs: Inputs | null = null;
let lastResult: FlowValidation | null = null;

export function selectValidation(state: Inputs): FlowValidation {
  if (
    lastResult !== null &&
    lastInputs !== null &&
    lastInputs.nodes === state.nodes &&
    lastInputs.edges === state.edges &&
    lastInputs.meta === state.meta
  ) {
    return lastResult;
  }
  lastInputs = { meta: state.meta, nodes: state.nodes, edges: state.edges };
  lastResult = validate(state);
  return lastResult;
}

const noIssues: ValidationIssue[] = [];

export const useValidation = (): FlowValidation => useFlowStore(selectValidation);

export const useNodeIssues = (nodeId: string): ValidationIssue[] =>
  useFlowStore((state) => selectValidation(state).byNode.get(nodeId) ?? noIssues);
