import { evaluateSplit } from '@threadline/flows/runtime';
import type { FlowNodeOf } from '@threadline/flows/types';
import { guardDefinition } from '../journeyFailures';
import type { JourneyRun } from '../journeyRun';

/** Pure and synchronous: no Temporal command, so it adds nothing to the history. */
export function runSplit(node: FlowNodeOf<'split'>, run: JourneyRun): string {
  const output = guardDefinition(node.id, () => evaluateSplit(node.config, run.context));
  run.context.nodes[node.id] = { output };
  return output;
}
