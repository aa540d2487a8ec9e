import { upsertSearchAttributes } from '@temporalio/workflow';
import type { FlowNodeOf } from '@threadline/flows/types';
import { journeySearchAttributeKeys } from '../../journeys/contract';
import { completeJourney } from '../journeyActivities';
import { guardDefinition } from '../journeyFailures';
import type { JourneyRun } from '../journeyRun';
import { renderReturns } from './endReturns';

/**
 * Records the outcome on the timeline and frees the contact for new journeys of this flow. The
 * `returns` are rendered first (no command), so a template that does not render fails the
 * journey before the timeline says it completed; a child journey's result carries them.
 */
export async function runEnd(node: FlowNodeOf<'end'>, run: JourneyRun): Promise<null> {
  run.returns = guardDefinition(node.id, () => renderReturns(node.config.returns, run.context));
  // The journey leaves the end node as it completes: this last activity carries the builder's counts.
  run.nodeStats.exit(node.id);
  await completeJourney.executeWithOptions({ summary: `end: ${node.config.outcome}` }, [
    run.nodeStats.attach({
      journeyId: run.journeyId,
      firstRunId: run.firstRunId,
      contactId: run.input.contactId,
      nodeId: node.id,
      outcome: node.config.outcome,
    }),
  ]);
  run.outcome = node.config.outcome;
  run.status = 'completed';
  upsertSearchAttributes([
    { key: journeySearchAttributeKeys.CurrentNode, value: node.id },
    { key: journeySearchAttributeKeys.JourneyStatus, value: 'completed' },
  ]);
  return null;
}
