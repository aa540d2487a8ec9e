import type { FlowNode } from '@threadline/flows/types';
import type { JourneyRun } from '../journeyRun';
import { callInProgress } from './voiceCall';

/**
 * Nodes that wait on something other than the caller (a reply, an event, a timer, another
 * journey or an agent). Reached during a call they end it, after whatever the turn gathered:
 * nobody stays on the line through a 24-hour wait, and Twilio would give up on the turn anyway.
 * Sends, HTTP requests and the logic nodes run while the caller holds, a moment each.
 */
const WAITS_OFF_THE_CALL: ReadonlySet<FlowNode['type']> = new Set<FlowNode['type']>([
  'waitForReply',
  'waitForEvent',
  'delay',
  'waitUntil',
  'subflow',
  'route',
  'handoff',
  'call.outbound',
]);

/** Called by the interpreter before each node: hangs up when the journey leaves the call to wait. */
export function leaveCallBefore(node: FlowNode, run: JourneyRun): void {
  if (WAITS_OFF_THE_CALL.has(node.type)) callInProgress(run)?.end();
}
