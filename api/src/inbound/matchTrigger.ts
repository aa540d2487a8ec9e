import { assertNever } from '@threadline/flows';
import type { FlowNodeOf } from '@threadline/flows/types';
import type { InboundEvent } from '@threadline/worker/contract';

export type MissedCallOutcome = FlowNodeOf<'trigger.missedCall'>['config']['outcomes'][number];

/** The trigger nodes an inbound event can start a journey from. */
export type InboundTriggerNode = FlowNodeOf<'trigger.missedCall'> | FlowNodeOf<'trigger.inboundMessage'>;

export function isInboundTriggerNode(node: { type: string }): node is InboundTriggerNode {
  return node.type === 'trigger.missedCall' || node.type === 'trigger.inboundMessage';
}

/**
 * Whether a trigger node starts a journey for this event. Empty lists mean "any", as the
 * catalog's help texts promise the admin.
 */
export function triggerMatches(node: InboundTriggerNode, event: InboundEvent, outcome: MissedCallOutcome | undefined): boolean {
  switch (node.type) {
    case 'trigger.missedCall': {
      if (event.kind !== 'missedCall' || outcome === undefined) return false;
      const { numbers, outcomes } = node.config;
      const toOurNumber = numbers.length === 0 || (event.to !== undefined && numbers.includes(event.to));
      return toOurNumber && outcomes.includes(outcome);
    }
    case 'trigger.inboundMessage': {
      if (event.kind !== 'message') return false;
      const { channels, keyword } = node.config;
      if (channels.length > 0 && !channels.some((channel) => channel === event.channel)) return false;
      if (keyword === undefined) return true;
      return (event.text ?? '').toLowerCase().includes(keyword.toLowerCase());
    }
    default:
      return assertNever(node, 'trigger node');
  }
}

