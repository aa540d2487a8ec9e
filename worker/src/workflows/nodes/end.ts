import { upsertSearchAttributes } from '@temporalio/workflow';
import type { FlowNodeOf } from '@threadline/flows/types';
import { journeySearchAttributeKeys } from '../../journeys/contract';
import { completeJourney } from '../journeyActivities';
import type { JourneyRun } from '../journeyRun';

/** Records the outcome on the timeline and frees the contact for new journeys of this flow. */
export async function runEnd(node: FlowNodeOf<'end'>, run: JourneyRun): Promise<null> {
  await completeJourney.executeWithOptions({ summary: `end: ${node.config.outcome}` }, [
    {
      journeyId: run.journeyId,
      firstRunId: run.firstRunId,
      contactId: run.input.contactId,
      nodeId: node.id,
      outcome: node.config.outcome,
    },
  ]);
  run.outcome = node.config.outcome;
  run.status = 'completed';
  upsertSearchAttributes([
    { key: journeySearchAttributeKeys.CurrentNode, value: node.id },
    { key: journeySearchAttributeKeys.JourneyStatus, value: 'completed' },
  ]);
  return null;
}
