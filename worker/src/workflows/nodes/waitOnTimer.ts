import { sleep, upsertSearchAttributes } from '@temporalio/workflow';
import { journeySearchAttributeKeys } from '../../journeys/contract';
import type { JourneyRun } from '../journeyRun';

/**
 * A durable timer a journey waits on (delay, waitUntil). Like a reply wait, the search
 * attributes change once when the wait starts and once when it ends, so visibility shows where
 * the contact is while the timer runs.
 */
export async function waitOnTimer(
  run: Pick<JourneyRun, 'status' | 'pendingWait'>,
  nodeId: string,
  ms: number,
  summary: string,
): Promise<void> {
  run.status = 'waiting';
  // Date.now() is the workflow's deterministic clock inside the sandbox.
  run.pendingWait = { nodeId, kind: 'timer', until: new Date(Date.now() + ms).toISOString(), channels: [] };
  upsertSearchAttributes([
    { key: journeySearchAttributeKeys.CurrentNode, value: nodeId },
    { key: journeySearchAttributeKeys.JourneyStatus, value: 'waiting' },
  ]);
  await sleep(ms, { summary });
  run.pendingWait = null;
  run.status = 'running';
  upsertSearchAttributes([{ key: journeySearchAttributeKeys.JourneyStatus, value: 'running' }]);
}
