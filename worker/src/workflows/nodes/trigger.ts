import type { FlowNodeOf } from '@threadline/flows/types';
import type { JourneyRun } from '../journeyRun';

/** A trigger has already happened when the journey starts: record the event, go on. */
export function runTrigger(node: FlowNodeOf<'trigger.missedCall' | 'trigger.inboundMessage'>, run: JourneyRun): string {
  run.context.nodes[node.id] = { ...run.context.trigger };
  return 'next';
}
