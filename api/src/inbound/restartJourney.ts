import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { RESTART_SIGNAL, TRIGGER_EVENT_MEMO, type RestartRequest } from '@threadline/worker/contract';
import type { FastifyBaseLogger } from 'fastify';

/** How long a cancelled journey gets to record its ending before it is terminated instead. */
const RESTART_GRACE_MS = 10_000;

export type RestartOutcome = 'none-running' | 'restarted' | 'started-by-this-event';

/**
 * Ends the contact's running journey of a flow whose policy is `restart`, so the trigger
 * `eventId` can start a new one under the same id. Cancelled, not terminated: the journey's
 * cancel path closes its trace visit and writes the timeline entry ("restarted by <event>",
 * told by the signal sent first) and frees the contact, as a cancel from the API does; a
 * termination would leave the visit open and the timeline silent. Only a journey that does not
 * close within the grace period (no worker running it) is terminated, with the same reason.
 * Nothing is ended when the latest run was started by this very event (a retried delivery).
 */
export async function restartJourney(temporal: Client, workflowId: string, eventId: string, logger: FastifyBaseLogger): Promise<RestartOutcome> {
  let runId: string;
  try {
    const described = await temporal.workflow.getHandle(workflowId).describe();
    if (described.memo?.[TRIGGER_EVENT_MEMO] === eventId) return 'started-by-this-event';
    if (described.status.name !== 'RUNNING') return 'none-running';
    runId = described.runId;
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return 'none-running';
    throw error;
  }

  const handle = temporal.workflow.getHandle(workflowId, runId);
  const reason = `restarted by ${eventId}`;
  try {
    const request: RestartRequest = { by: eventId };
    await handle.signal(RESTART_SIGNAL, request);
    await handle.cancel();
  } catch (error) {
    // It ended between the describe and now: there is nothing left to restart.
    if (error instanceof WorkflowNotFoundError) return 'none-running';
    throw error;
  }
  const closed = await temporal
    .withDeadline(Date.now() + RESTART_GRACE_MS, () => handle.result())
    .then(
      () => true,
      // A cancelled run's result is a CancelledFailure: it closed. A deadline means it did not.
      async () => (await handle.describe()).status.name !== 'RUNNING',
    );
  if (!closed) {
    logger.warn({ journeyId: workflowId, runId }, 'the restarted journey did not close in time: terminating it');
    await handle.terminate(reason).catch((error: unknown) => {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
    });
  }
  logger.info({ journeyId: workflowId, runId }, reason);
  return 'restarted';
}
