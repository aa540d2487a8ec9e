import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { ApiError } from '../errors/apiError';
import type { JourneyExecution } from './journeySummary';

/** Cancels ask Temporal one journey at a time; this many at once keeps a big flow's cancel quick without flooding it. */
const CANCEL_CONCURRENCY = 16;

/**
 * Asks a running journey to stop. The workflow then frees the contact and writes the
 * cancellation on the timeline itself; a closed journey has nothing to cancel (409).
 */
export async function cancelJourney(temporal: Client, info: JourneyExecution): Promise<void> {
  if (info.status.name !== 'RUNNING') throw alreadyClosed(info.workflowId, info.status.name);
  try {
    await temporal.workflow.getHandle(info.workflowId, info.runId).cancel();
  } catch (error) {
    // It closed between the describe and the cancel.
    if (error instanceof WorkflowNotFoundError) throw alreadyClosed(info.workflowId, 'closed');
    throw error;
  }
}

/**
 * Asks every running journey of a flow to stop, as visibility lists them (updated
 * asynchronously: a journey started a moment ago may not be listed yet). Returns how many were
 * asked; one that closed meanwhile is not counted.
 */
export async function cancelFlowJourneys(temporal: Client, flowId: string): Promise<number> {
  const query = `FlowId = "${flowId}" AND ExecutionStatus = "Running"`;
  // Collected first: cancelling while paging through the same query would shift its pages.
  const running: Array<{ workflowId: string; runId: string }> = [];
  for await (const info of temporal.workflow.list({ query, pageSize: 500 })) running.push({ workflowId: info.workflowId, runId: info.runId });

  let cancelled = 0;
  for (let start = 0; start < running.length; start += CANCEL_CONCURRENCY) {
    const batch = running.slice(start, start + CANCEL_CONCURRENCY);
    const results = await Promise.allSettled(batch.map(({ workflowId, runId }) => temporal.workflow.getHandle(workflowId, runId).cancel()));
    for (const result of results) {
      if (result.status === 'fulfilled') cancelled += 1;
      else if (!(result.reason instanceof WorkflowNotFoundError)) throw result.reason;
    }
  }
  return cancelled;
}

function alreadyClosed(workflowId: string, status: string): ApiError {
  return new ApiError(409, 'journey-closed', `journey "${workflowId}" has already ended (${status}): there is nothing to cancel`);
}
