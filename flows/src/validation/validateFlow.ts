import type { FlowDefinition, ValidationIssue } from '../types';
import { checkCycles } from './checkCycles';
import { checkEdges } from './checkEdges';
import { checkOutputsConnected } from './checkOutputsConnected';
import { checkReachability } from './checkReachability';
import { indexNodes } from './indexNodes';

/**
 * Everything wrong with a flow, each finding with a stable code, the node at fault, a path into
 * the definition and what to do. The definition may come straight from the canvas, so node
 * types and configs are checked here too, not taken from the type system's word.
 */
export function validateFlow(definition: FlowDefinition): ValidationIssue[] {
  const { byId, issues: nodeIssues } = indexNodes(definition);
  const { issues: edgeIssues, traversable } = checkEdges(definition.edges, byId);
  const hasTrigger = [...byId.values()].some((entry) => entry.isTrigger);
  return [
    ...(hasTrigger
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
  ];
}

/** A flow may be published when nothing worse than a warning is wrong with it. */
export function isPublishable(issues: readonly ValidationIssue[]): boolean {
  return issues.every((issue) => issue.severity !== 'error');
}
