import { VOICE_TURN_UPDATE, type VoiceTurnRequest, type VoiceTurnResponse } from '@threadline/worker/contract';
import { runningJourneysOf } from '@threadline/worker/store';
import type { VoiceDeps } from './voiceDeps';

/** What the caller did at a node, as the node's action URL and Twilio's parameters tell it. */
export interface CallerTurn {
  journeyId: string;
  request: Extract<VoiceTurnRequest, { kind: 'input' }>;
}

const HANGUP_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response><Hangup/></Response>';

/**
 * A warm turn: one update to the journey named in the action URL, no database work (the
 * latency budget is the workflow's). The update id names the call, node and turn, so a retried
 * webhook is the same update and gets the same TwiML. A turn the journey turns away (the call
 * is over, a stale URL) is answered with a hangup.
 */
export async function takeCallerTurn(deps: VoiceDeps, { journeyId, request }: CallerTurn): Promise<VoiceTurnResponse> {
  const updateId = `voice turn ${request.turn}: ${request.nodeId} · ${request.callSid}`;
  try {
    return await deps.temporal.workflow.getHandle(journeyId).executeUpdate<VoiceTurnResponse, [VoiceTurnRequest]>(VOICE_TURN_UPDATE, { updateId, args: [request] });
  } catch (error) {
    deps.logger.warn({ err: error, journeyId, callSid: request.callSid, nodeId: request.nodeId }, 'a caller turn the journey did not take');
    return HANGUP_TWIML;
  }
}

/** Call statuses that mean the call is over (providers-reference §3.3). */
export const FINAL_CALL_STATUSES: ReadonlySet<string> = new Set(['completed', 'busy', 'no-answer', 'failed', 'canceled']);

/**
 * The call ended (Twilio's status callback, or the sandbox's hangup): the journey on it leaves
 * the node that waits for the caller. The status callback names only the call, so the journey
 * is found from the call's timeline event (an `_id` read) and the contact's running journeys;
 * each is told, and only the one on this call takes it (its validator turns the others away).
 * Returns the journeys that took it.
 */
export async function endCall(deps: VoiceDeps, call: { provider: string; callSid: string; status: string }): Promise<string[]> {
  const eventId = `${call.provider}:${call.callSid}`;
  const event = await deps.store.timeline.findByIdAndUpdate(eventId, { $set: { status: call.status } }).lean();
  if (!event) return [];
  const running = await runningJourneysOf(deps.store, event.contactId);
  const request: VoiceTurnRequest = { kind: 'hangup', callSid: call.callSid };
  const told = await Promise.all(
    running.map(async (journeyId) => {
      try {
        await deps.temporal.workflow.getHandle(journeyId).executeUpdate(VOICE_TURN_UPDATE, { updateId: `voice hangup · ${call.callSid}`, args: [request] });
        return journeyId;
      } catch {
        // Not on this call, already over, or ended: nothing to tell it.
        return null;
      }
    }),
  );
  const journeys = told.filter((journeyId): journeyId is string => journeyId !== null);
  deps.logger.info({ callSid: call.callSid, status: call.status, journeys }, 'call ended');
  return journeys;
}
