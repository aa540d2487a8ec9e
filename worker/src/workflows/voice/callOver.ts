import { upsertSearchAttributes } from '@temporalio/workflow';
import type { FlowNode } from '@threadline/flows/types';
import { journeySearchAttributeKeys } from '../../journeys/contract';
import { completeJourney } from '../journeyActivities';
import type { JourneyRun } from '../journeyRun';
import type { NodeStep } from '../runNode';

/** The trace's words for a caller who left while a node waited for them. */
export const CALLER_HUNG_UP = 'caller hung up';
/** …and for a voice node reached once the call was over. */
export const CALL_ENDED = 'call ended';

/**
 * The output a voice node takes when the caller is gone, so the journey leaves the voice part
 * cleanly (the graph goes on, to texts or an end) instead of failing or waiting on nobody:
 * record has its own `hangup`; menu and gather take `noInput` (nobody answered); connect takes
 * `completed` (whatever conversation there was is over); say and play go on to `next`;
 * hangup ends the journey with outcome "caller hung up".
 */
export const OUTPUT_WHEN_CALL_IS_OVER = {
  'voice.say': 'next',
  'voice.play': 'next',
  'voice.menu': 'noInput',
  'voice.gather': 'noInput',
  'voice.record': 'hangup',
  'voice.connect': 'completed',
} as const;

/**
 * A flow may loop between voice nodes (menu → say → menu); once the call is over that loop
 * would spin through skipped nodes until the loop guard failed the journey. Past this many
 * skips the journey ends instead, as a hangup.
 */
export const MAX_SKIPPED_VOICE_NODES = 50;

const skipped = new WeakMap<JourneyRun, number>();

/** Passes a voice node reached with no call in progress: its call-over output, "call ended" in the trace. */
export function skipVoiceNode(run: JourneyRun, node: FlowNode & { type: keyof typeof OUTPUT_WHEN_CALL_IS_OVER }, result: Record<string, unknown>): NodeStep {
  const count = (skipped.get(run) ?? 0) + 1;
  skipped.set(run, count);
  run.context.nodes[node.id] = { ...result, reason: CALL_ENDED };
  if (count > MAX_SKIPPED_VOICE_NODES) return endJourneyOnHangup(run, node.id, CALLER_HUNG_UP);
  return OUTPUT_WHEN_CALL_IS_OVER[node.type];
}

/** Ends the journey where the call ended: the timeline gets the outcome and the contact is free. */
export async function endJourneyOnHangup(run: JourneyRun, nodeId: string, outcome: string): Promise<null> {
  // The journey ends at this node: this last activity carries the builder's counts.
  run.nodeStats.exit(nodeId);
  await completeJourney.executeWithOptions({ summary: `end: ${outcome}` }, [
    run.nodeStats.attach({ journeyId: run.journeyId, firstRunId: run.firstRunId, contactId: run.input.contactId, nodeId, outcome }),
  ]);
  run.outcome = outcome;
  run.status = 'completed';
  upsertSearchAttributes([
    { key: journeySearchAttributeKeys.CurrentNode, value: nodeId },
    { key: journeySearchAttributeKeys.JourneyStatus, value: 'completed' },
  ]);
  return null;
}
