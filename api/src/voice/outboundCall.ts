import { VOICE_TURN_UPDATE, type VoiceTurnRequest, type VoiceTurnResponse } from '@threadline/worker/contract';
import { z } from 'zod';
import type { VoiceDeps } from './voiceDeps';

const HANGUP_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response><Hangup/></Response>';

/** The query of an outbound call's answer and status URLs, as the placeCall activity writes it. */
export const outboundQuerySchema = z.object({
  journey: z.string().min(1),
  node: z.string().min(1),
  visit: z.coerce.number().int().min(1),
});

export type OutboundQuery = z.infer<typeof outboundQuerySchema>;

/** Twilio's request of the call's `Url` once answered; `AnsweredBy` when detection was on. */
export const outboundAnswerFormSchema = z.object({
  CallSid: z.string().min(1),
  AnsweredBy: z.string().optional(),
});

export const outboundStatusFormSchema = z.object({
  CallSid: z.string().min(1),
  CallStatus: z.string().min(1),
});

/** Statuses that end an outbound call, answered or not (providers-reference §3.3). */
const FINAL_STATUSES: ReadonlySet<string> = new Set(['completed', 'busy', 'no-answer', 'failed', 'canceled']);

/**
 * The placed call was answered: one `answer` update to the journey the URL names. Its result
 * is the first turn, which the voice nodes after `call.outbound` gather (a voicemail drop and a
 * hangup, or a menu). The update id names the call, so a retried webhook gets the same TwiML.
 * An answer the journey turns away (the call timed out there, or was never its) is hung up on.
 */
export async function answerOutboundCall(
  deps: Pick<VoiceDeps, 'temporal' | 'logger'>,
  query: OutboundQuery,
  answer: { callSid: string; answeredBy?: string | undefined },
): Promise<VoiceTurnResponse> {
  const request: VoiceTurnRequest = {
    kind: 'answer',
    callSid: answer.callSid,
    nodeId: query.node,
    visit: query.visit,
    ...(answer.answeredBy === undefined || answer.answeredBy === '' ? {} : { answeredBy: answer.answeredBy }),
  };
  try {
    return await deps.temporal.workflow
      .getHandle(query.journey)
      .executeUpdate<VoiceTurnResponse, [VoiceTurnRequest]>(VOICE_TURN_UPDATE, { updateId: `voice answer · ${answer.callSid}`, args: [request] });
  } catch (error) {
    deps.logger.warn({ err: error, journeyId: query.journey, callSid: answer.callSid }, 'an answered call the journey did not take');
    return HANGUP_TWIML;
  }
}

/**
 * A status callback of a placed call: a final status (no-answer, busy, failed, canceled, or
 * completed after an answer) goes to the journey as a `hangup` with the status, which the
 * waiting node reads as its output, or which ends the call part like a caller's hangup.
 * Returns whether the journey took it.
 */
export async function endOutboundCall(deps: Pick<VoiceDeps, 'temporal' | 'logger'>, query: OutboundQuery, status: { callSid: string; status: string }): Promise<boolean> {
  if (!FINAL_STATUSES.has(status.status)) return false;
  const request: VoiceTurnRequest = { kind: 'hangup', callSid: status.callSid, status: status.status };
  try {
    await deps.temporal.workflow.getHandle(query.journey).executeUpdate(VOICE_TURN_UPDATE, { updateId: `voice hangup · ${status.callSid}`, args: [request] });
    deps.logger.info({ journeyId: query.journey, callSid: status.callSid, status: status.status }, 'placed call ended');
    return true;
  } catch (error) {
    deps.logger.info({ err: error, journeyId: query.journey, callSid: status.callSid }, 'a call status the journey did not take (its call is already over)');
    return false;
  }
}
