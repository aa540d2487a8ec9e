import type { FlowNodeOf } from '@threadline/flows/types';
import type { JourneyRun } from '../journeyRun';
import { CALLER_HUNG_UP, endJourneyOnHangup } from '../voice/callOver';
import { callInProgress } from '../voice/voiceCall';

/** The journey hung up on the caller. */
export const HUNG_UP = 'hung up';

/**
 * Ends the call after what the turn gathered (`<Hangup/>`) and the journey with it, as the
 * catalog says. Reached after the caller left, it ends the journey as their hangup.
 */
export function runVoiceHangup(node: FlowNodeOf<'voice.hangup'>, run: JourneyRun): Promise<null> {
  const call = callInProgress(run);
  const outcome = call ? HUNG_UP : CALLER_HUNG_UP;
  call?.end();
  run.context.nodes[node.id] = { reason: outcome };
  return endJourneyOnHangup(run, node.id, outcome);
}
