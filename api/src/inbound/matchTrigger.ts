import { assertNever } from '@threadline/flows';
import type { FlowNodeOf } from '@threadline/flows/types';
import type { InboundEvent } from '@threadline/worker/contract';

export type MissedCallOutcome = FlowNodeOf<'trigger.missedCall'>['config']['outcomes'][number];

/** The trigger nodes an inbound event can start a journey from. */
export type InboundTriggerNode = FlowNodeOf<'trigger.missedCall'> | FlowNodeOf<'trigger.inboundMessage'> | FlowNodeOf<'trigger.event'>;

export function isInboundTriggerNode(node: { type: string }): node is InboundTriggerNode {
  return node.type === 'trigger.missedCall' || node.type === 'trigger.inboundMessage' || node.type === 'trigger.event';
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
      const { channels, keyword, regex } = node.config;
      if (channels.length > 0 && !channels.some((channel) => channel === event.channel)) return false;
      const text = event.text ?? '';
      if (keyword !== undefined && !text.toLowerCase().includes(keyword.toLowerCase())) return false;
      return regex === undefined || textMatchesPattern(text, regex);
    }
    case 'trigger.event':
      return event.kind === 'event' && event.name === node.config.event;
    default:
      return assertNever(node, 'trigger node');
  }
}

/** Compiled patterns by source: the hot path tests every message against every published one. */
const compiledPatterns = new Map<string, RegExp | null>();

/**
 * Case-insensitive, as the catalog promises. Publishing refuses a pattern that does not
 * compile; one that slipped through (an older definition) matches nothing rather than failing
 * every inbound message.
 */
function textMatchesPattern(text: string, pattern: string): boolean {
  let compiled = compiledPatterns.get(pattern);
  if (compiled === undefined) {
    try {
      compiled = new RegExp(pattern, 'i');
    } catch {
      compiled = null;
    }
    compiledPatterns.set(pattern, compiled);
  }
  return compiled !== null && compiled.test(text);
}
