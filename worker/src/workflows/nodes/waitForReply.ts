import type { SearchAttributeUpdatePair } from '@temporalio/common';
import { condition, upsertSearchAttributes } from '@temporalio/workflow';
import { parseDuration } from '@threadline/flows/runtime';
import type { FlowNodeOf } from '@threadline/flows/types';
import { journeySearchAttributeKeys } from '../../journeys/contract';
import { guardDefinition } from '../journeyFailures';
import type { JourneyRun } from '../journeyRun';

/**
 * Takes a reply already buffered (it may have come while the previous send was in flight),
 * else waits for one up to the timeout. Search attributes change once when the wait starts and
 * once when it ends: each upsert is a history event, and journeys are benchmarked on those.
 */
export async function runWaitForReply(node: FlowNodeOf<'waitForReply'>, run: JourneyRun): Promise<string> {
  const timeoutMs = guardDefinition(node.id, () => parseDuration(node.config.timeout));
  const { channels } = node.config;
  let reply = run.takeReply(channels);
  const updates: SearchAttributeUpdatePair[] = [];

  if (!reply) {
    run.status = 'waiting';
    run.pendingWait = {
      nodeId: node.id,
      kind: 'reply',
      until: new Date(Date.now() + timeoutMs).toISOString(),
      channels: [...channels],
      skippable: true,
    };
    upsertSearchAttributes([
      { key: journeySearchAttributeKeys.CurrentNode, value: node.id },
      { key: journeySearchAttributeKeys.JourneyStatus, value: 'waiting' },
    ]);
    const on = channels.length === 0 ? 'any channel' : channels.join(' or ');
    // The simulator's skipWait ends it early as a timeout; the timer is cancelled only then.
    await condition(() => run.hasReply(channels) || run.waitSkip.isRequested(node.id), timeoutMs, {
      summary: `wait for a reply on ${on} (${node.config.timeout})`,
    });
    reply = run.takeReply(channels);
    run.waitSkip.settle(node.id, !reply);
    run.status = 'running';
    run.pendingWait = null;
    updates.push({ key: journeySearchAttributeKeys.JourneyStatus, value: 'running' });
  }

  if (reply && run.addChannel(reply.channel)) updates.push({ key: journeySearchAttributeKeys.Channels, value: [...run.channels] });
  if (updates.length > 0) upsertSearchAttributes(updates);

  run.context.nodes[node.id] = { reply };
  return reply ? 'replied' : 'timeout';
}
