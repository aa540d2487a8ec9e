import type { NodeVisit, PendingWait } from '@threadline/worker/contract';
import type { JourneyStateReading } from './readJourneyState';
import type { JourneySummary } from './journeySummary';

/**
 * "Where is this contact, and why didn't they get the message?": every node visit with its
 * times, output and reason, where the journey is now and what it waits for, and how it ended.
 */
export interface JourneyTrace {
  journey: Pick<JourneySummary, 'workflowId' | 'runId' | 'flowId' | 'flowVersion' | 'contactId' | 'status' | 'startTime' | 'closeTime'> & {
    /** The workflow's own status (running, waiting, completed, failed, cancelled), else visibility's. */
    journeyStatus: string | null;
  };
  visits: NodeVisit[];
  /** Older visits left out to keep the trace bounded. */
  droppedVisits: number;
  /** The node the journey is at, or ended at. */
  currentNode: string | null;
  pendingWait: PendingWait | null;
  outcome: string | null;
  /** Why the workflow's own account is missing (no worker answered, a foreign result), else null. */
  stateError: string | null;
}

export function journeyTraceOf(summary: JourneySummary, reading: JourneyStateReading): JourneyTrace {
  const { state } = reading;
  const { workflowId, runId, flowId, flowVersion, contactId, status, startTime, closeTime } = summary;
  return {
    journey: {
      workflowId,
      runId,
      flowId,
      flowVersion,
      contactId,
      status,
      startTime,
      closeTime,
      journeyStatus: state ? state.status : summary.journeyStatus,
    },
    visits: state?.visits ?? [],
    droppedVisits: state?.droppedVisits ?? 0,
    currentNode: state ? state.currentNodeId : summary.currentNode,
    pendingWait: state?.pendingWait ?? null,
    outcome: state?.outcome ?? null,
    stateError: 'stateError' in reading ? reading.stateError : null,
  };
}
