import { pickBranch } from '@threadline/flows/runtime';
import type { FlowNodeOf } from '@threadline/flows/types';
import { guardDefinition } from '../journeyFailures';
import type { JourneyRun } from '../journeyRun';

/**
 * A weighted branch, the same one every time for this journey: seeded by the workflow id (not
 * the run id, which continue-as-new and retries change) and the node, so a replay, a new run
 * and a second visit all take it.
 */
export function runAbSplit(node: FlowNodeOf<'abSplit'>, run: Pick<JourneyRun, 'context' | 'journeyId'>): string {
  const branch = guardDefinition(node.id, () => pickBranch(node.config, `${run.journeyId}:${node.id}`));
  run.context.nodes[node.id] = { branch };
  return branch;
}
