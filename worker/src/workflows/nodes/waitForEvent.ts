import { condition, upsertSearchAttributes } from '@temporalio/workflow';
import { parseDuration } from '@threadline/flows/runtime';
import type { FlowNodeOf } from '@threadline/flows/types';
import { journeySearchAttributeKeys } from '../../journeys/contract';
import { guardDefinition } from '../journeyFailures';
import type { JourneyRun } from '../journeyRun';

/**
 * Takes a business event of the node's name already buffered (your system may post it while
 * the journey is still sending), else waits for one up to the timeout. As waitForReply: search
 * attributes change once when the wait starts and once when it ends.
 */
export async function runWaitForEvent(node: FlowNodeOf<'waitForEvent'>, run: JourneyRun): Promise<string> {
  const timeoutMs = guardDefinition(node.id, () => parseDuration(node.config.timeout));
  const name = node.config.event;
  let event = run.takeEvent(name);

  if (!event) {
    run.status = 'waiting';
    run.pendingWait = {
      nodeId: node.id,
      kind: 'event',
      until: new Date(Date.now() + timeoutMs).toISOString(),
      channels: [],
      event: name,
      skippable: true,
    };
    upsertSearchAttributes([
      { key: journeySearchAttributeKeys.CurrentNode, value: node.id },
      { key: journeySearchAttributeKeys.JourneyStatus, value: 'waiting' },
    ]);
    // The simulator's skipWait ends it early as a timeout; the timer is cancelled only then.
    await condition(() => run.hasEvent(name) || run.waitSkip.isRequested(node.id), timeoutMs, {
      summary: `wait for event ${name} (${node.config.timeout})`,
    });
    event = run.takeEvent(name);
    run.waitSkip.settle(node.id, !event);
    run.status = 'running';
    run.pendingWait = null;
    upsertSearchAttributes([{ key: journeySearchAttributeKeys.JourneyStatus, value: 'running' }]);
  }

  run.context.nodes[node.id] = { event };
  return event ? 'received' : 'timeout';
}
