import { WorkflowNotFoundError } from '@temporalio/client';
import { decideSkipWait, PENDING_WAIT_KINDS, SKIP_WAIT_SIGNAL, STATE_QUERY, type SkipWaitRequest } from '@threadline/worker/contract';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import '../appDependencies';
import { ApiError } from '../errors/apiError';
import { parseRequest } from '../errors/parseRequest';
import { describeJourney } from '../journeys/describeJourney';
import { journeyWorkflowIdParam } from '../journeys/journeyWorkflowIdParam';

/** A query needs a worker to answer; without one it would wait for the RPC's long default. */
const STATE_QUERY_TIMEOUT_MS = 2_000;

const skipWaitBody = z
  .object({ nodeId: z.string().min(1).max(200).optional() })
  .strict()
  // No body at all: skip whatever the journey waits on.
  .default({});

/** The part of the `state` answer this route reads: what the journey waits on, and whether it may be skipped. */
const pendingWaitAnswer = z.object({
  pendingWait: z
    .object({
      nodeId: z.string(),
      kind: z.enum(PENDING_WAIT_KINDS),
      until: z.string(),
      channels: z.array(z.string()),
      event: z.string().optional(),
      skippable: z.boolean().optional(),
    })
    .nullable(),
});

type PendingWaitAnswer = NonNullable<z.infer<typeof pendingWaitAnswer>['pendingWait']>;

/**
 * For the builder's simulator and for tests: fire a journey's pending wait now, so a 48-hour
 * sequence runs in seconds without shortening the flow. A delay ends, a reply or event wait
 * takes its `timeout` output; a quiet-hours deferral is never skipped (compliance). 202: the
 * journey has the `skipWait` signal; 404: no such journey; 409: it is not waiting there.
 */
export const journeySimulationRoutes: FastifyPluginAsync = async (app) => {
  const { temporal } = app;

  app.post('/journeys/:workflowId/skip-wait', async (request, reply) => {
    const { workflowId } = parseRequest(journeyWorkflowIdParam, request.params, 'params');
    const body: SkipWaitRequest = parseRequest(skipWaitBody, request.body ?? {}, 'body');
    const info = await describeJourney(temporal, workflowId);
    if (info.status.name !== 'RUNNING') throw notWaiting(workflowId, `it has already ended (${info.status.name})`);

    const handle = temporal.workflow.getHandle(workflowId, info.runId);
    const pendingWait = await readPendingWait(() => temporal.withDeadline(Date.now() + STATE_QUERY_TIMEOUT_MS, () => handle.query<unknown>(STATE_QUERY)));
    // The same rule the workflow applies; it checks again when the signal lands (the wait may end meanwhile).
    const decision = decideSkipWait(pendingWait, body);
    if (!decision.skip) throw notWaiting(workflowId, decision.reason);

    try {
      await handle.signal(SKIP_WAIT_SIGNAL, { nodeId: decision.nodeId } satisfies SkipWaitRequest);
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw notWaiting(workflowId, 'it ended meanwhile');
      throw error;
    }
    return reply.status(202).send({ journey: { workflowId, runId: info.runId, skipRequested: { nodeId: decision.nodeId, kind: pendingWait?.kind } } });
  });
};

async function readPendingWait(query: () => Promise<unknown>): Promise<PendingWaitAnswer | null> {
  let answer: unknown;
  try {
    answer = await query();
  } catch (error) {
    throw new ApiError(503, 'journey-state-unavailable', `the journey's state could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = pendingWaitAnswer.safeParse(answer);
  if (!parsed.success) throw new ApiError(502, 'journey-state-invalid', 'the journey answered with something that is not a journey state');
  return parsed.data.pendingWait;
}

function notWaiting(workflowId: string, reason: string): ApiError {
  return new ApiError(409, 'journey-not-waiting', `journey "${workflowId}" has no wait to skip: ${reason}`);
}
