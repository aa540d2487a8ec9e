import type { WorkflowExecutionInfo } from '@temporalio/client';
import { journeySearchAttributeKeys as journeyKeys } from '@threadline/worker/contract';

/** A listed or a described execution: the two differ only in their raw protobuf. */
export type JourneyExecution = Omit<WorkflowExecutionInfo, 'raw'>;

/** One journey as the API lists it: what Temporal's visibility knows, without asking the workflow. */
export interface JourneySummary {
  workflowId: string;
  runId: string;
  flowId: string | null;
  contactId: string | null;
  flowVersion: number | null;
  /** Temporal's execution status: RUNNING, COMPLETED, FAILED, … */
  status: string;
  /** The journey's own status as the workflow keeps it in its search attribute. */
  journeyStatus: string | null;
  currentNode: string | null;
  startTime: string;
  closeTime: string | null;
}

/**
 * The one mapping from a workflow execution (listed or described) to a journey summary, shared
 * by the contact's, the flow's and the single-journey endpoints.
 */
export function journeySummaryOf(info: JourneyExecution): JourneySummary {
  const attributes = info.typedSearchAttributes;
  return {
    workflowId: info.workflowId,
    runId: info.runId,
    flowId: attributes.get(journeyKeys.FlowId) ?? null,
    contactId: attributes.get(journeyKeys.ContactId) ?? null,
    flowVersion: attributes.get(journeyKeys.FlowVersion) ?? null,
    status: info.status.name,
    journeyStatus: attributes.get(journeyKeys.JourneyStatus) ?? null,
    currentNode: attributes.get(journeyKeys.CurrentNode) ?? null,
    startTime: info.startTime.toISOString(),
    closeTime: info.closeTime?.toISOString() ?? null,
  };
}
