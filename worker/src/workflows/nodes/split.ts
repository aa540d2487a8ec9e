import { evaluateSplit } from '@threadline/flows/runtime';
import type { FlowNodeOf } from '@threadline/flows/types';
import { guardDefinition } from '../journeyFailures';
import type { JourneyRun } from '../journeyRun';

/**
 * Pure and synchronous: no Temporal command, so it adds nothing to the history. The input and
 * comparands are Liquid, rendered here in the workflow (liquidjs is deterministic given the
 * context); a template that fails to render is a fault of the definition.
 */
export function runSplit(node: FlowNodeOf<'split'>, run: Pick<JourneyRun, 'context'>): string {
  const { output, value } = guardDefinition(node.id, () => evaluateSplit(node.config, run.context));
  run.context.nodes[node.id] = { value, output };
  return output;
}
