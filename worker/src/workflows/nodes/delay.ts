import { parseDuration } from '@threadline/flows/runtime';
import type { FlowNodeOf } from '@threadline/flows/types';
import { guardDefinition } from '../journeyFailures';
import type { JourneyRun } from '../journeyRun';
import { waitOnTimer } from './waitOnTimer';

/** One durable timer ("delay 24h" in the Temporal UI), then `next`. */
export async function runDelay(node: FlowNodeOf<'delay'>, run: Pick<JourneyRun, 'status' | 'pendingWait'>): Promise<string> {
  const ms = guardDefinition(node.id, () => parseDuration(node.config.duration));
  await waitOnTimer(run, node.id, ms, `delay ${node.config.duration.trim()}`);
  return 'next';
}
