import type { FlowNodeOf, NodeType } from '@threadline/flows/types';
import type { JourneyRun } from '../journeyRun';

/** Every trigger type: `trigger.inboundMessage`, `trigger.missedCall`, `trigger.event`, … */
export type TriggerType = Extract<NodeType, `trigger.${string}`>;

/**
 * A trigger has already happened when the journey starts (whichever of the flow's entries it
 * was): record the event, go on. Every trigger has the one output `next`.
 */
export function runTrigger(node: FlowNodeOf<TriggerType>, run: Pick<JourneyRun, 'context'>): string {
  run.context.nodes[node.id] = { ...run.context.trigger };
  return 'next';
}
