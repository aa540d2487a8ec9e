import { parseDuration } from '@threadline/flows/runtime';
import type { FlowNodeOf } from '@threadline/flows/types';
import { guardDefinition } from '../journeyFailures';
import type { JourneyRun } from '../journeyRun';
import { waitOnTimer } from './waitOnTimer';

/**
 * One durable timer ("delay 24h" in the Temporal UI), then `next`. The simulator may skip it
 * (`waitSkip`, absent where a caller has none to give).
 */
export async function runDelay(
  node: FlowNodeOf<'delay'>,
  run: Pick<JourneyRun, 'status' | 'pendingWait'> & Partial<Pick<JourneyRun, 'waitSkip'>>,
): Promise<string> {
  const ms = guardDefinition(node.id, () => parseDuration(node.config.duration));
  await waitOnTimer(run, node.id, ms, `delay ${node.config.duration.trim()}`, run.waitSkip);
  return 'next';
}
