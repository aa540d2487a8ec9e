import { condition, sleep, upsertSearchAttributes } from '@temporalio/workflow';
import { journeySearchAttributeKeys } from '../../journeys/contract';
import type { JourneyRun } from '../journeyRun';
import type { WaitSkip } from '../waitSkip';

/**
 * A durable timer a journey waits on (delay, waitUntil, a quiet-hours deferral). Like a reply
 * wait, the search attributes change once when the wait starts and once when it ends, so
 * visibility shows where the contact is while the timer runs.
 *
 * With `skip` (delay, waitUntil) the simulator's `skipWait` signal may end it early: the timer
 * is raced against the request with `condition`, which starts the same timer as `sleep` and
 * cancels it only when the request comes, so journeys that never get one replay unchanged.
 * A quiet-hours deferral passes none: compliance is never skipped.
 */
export async function waitOnTimer(
  run: Pick<JourneyRun, 'status' | 'pendingWait'>,
  nodeId: string,
  ms: number,
  summary: string,
  skip?: WaitSkip,
): Promise<void> {
  run.status = 'waiting';
  // Date.now() is the workflow's deterministic clock inside the sandbox.
  run.pendingWait = { nodeId, kind: 'timer', until: new Date(Date.now() + ms).toISOString(), channels: [], skippable: skip !== undefined };
  upsertSearchAttributes([
    { key: journeySearchAttributeKeys.CurrentNode, value: nodeId },
    { key: journeySearchAttributeKeys.JourneyStatus, value: 'waiting' },
  ]);
  if (skip) {
    await condition(() => skip.isRequested(nodeId), ms, { summary });
    skip.settle(nodeId, true);
  } else {
    await sleep(ms, { summary });
  }
  run.pendingWait = null;
  run.status = 'running';
  upsertSearchAttributes([{ key: journeySearchAttributeKeys.JourneyStatus, value: 'running' }]);
}
