import type { FlowDefinition, ValidationIssue } from '../types';
import { catalogResultOutputSets } from './catalogResultOutputSets';
import { checkCallState } from './checkCallState';
import { checkCycles } from './checkCycles';
import { checkDefinitionShape } from './checkDefinitionShape';
import { checkEdges } from './checkEdges';
import { checkLiteralSecrets } from './checkLiteralSecrets';
import { checkOutputsConnected } from './checkOutputsConnected';
import { checkPlaceholders } from './checkPlaceholders';
import { checkReachability } from './checkReachability';
import { checkReturns } from './checkReturns';
import { checkSubflowCalls, type ResolveFlow } from './checkSubflowCalls';
import { checkTemplates } from './checkTemplates';
import { buildFlowGraph } from './flowGraph';
import { indexNodes } from './indexNodes';
import { resultAvailability } from './resultAvailability';

export type { ResolveFlow, ResolvedSubflow } from './checkSubflowCalls';

export interface ValidateFlowOptions {
  /**
   * Looks up the flows `subflow` nodes run (the API passes one). Without it, as in the offline
   * CLI, the subflow checks are skipped.
   */
  resolveFlow?: ResolveFlow | undefined;
}

/**
 * Everything wrong with a flow, each finding with a stable code, the node at fault, a path into
 * the definition and what to do. The definition may come straight from the canvas, so its
 * shape, node types and configs are checked here too, not taken from the type system's word;
 * it never throws.
 */
export function validateFlow(definition: FlowDefinition, options: ValidateFlowOptions = {}): ValidationIssue[] {
  const shapeIssues = checkDefinitionShape(definition);
  if (shapeIssues.length > 0) return shapeIssues;

  const { byId, issues: nodeIssues } = indexNodes(definition);
  const { issues: edgeIssues, traversable } = checkEdges(definition.edges, byId);
  const triggerIds = [...byId.values()].filter((entry) => entry.isTrigger).map((entry) => entry.node.id);
  const graph = buildFlowGraph(byId.keys(), triggerIds, traversable);
  return [
    ...(triggerIds.length > 0
      ? []
      : [
          {
            code: 'no-trigger',
            severity: 'error',
            path: 'nodes',
            message:
              'The flow has no trigger, so no journey can ever start; add one, such as Missed call or Inbound message.',
          } satisfies ValidationIssue,
        ]),
    ...nodeIssues,
    ...edgeIssues,
    ...checkOutputsConnected(byId, definition.edges),
    ...checkCycles(byId, traversable),
    ...checkReachability(byId, traversable),
    ...checkPlaceholders(byId),
    ...checkCallState(byId, traversable),
    ...checkTemplates(byId, resultAvailability(graph, catalogResultOutputSets(byId))),
    ...checkLiteralSecrets(byId),
    ...checkReturns(byId, definition.interface),
    ...(options.resolveFlow === undefined ? [] : checkSubflowCalls(byId, options.resolveFlow)),
  ];
}

/** A flow may be published when nothing worse than a warning is wrong with it. */
export function isPublishable(issues: readonly ValidationIssue[]): boolean {
  return issues.every((issue) => issue.severity !== 'error');
}
