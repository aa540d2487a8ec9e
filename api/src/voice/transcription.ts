/**
 * A recording's transcript (Twilio's transcribeCallback, providers-reference §3): it lands on
 * the contact's timeline once (keyed by the TranscriptionSid, so a retried callback adds
 * nothing) and goes to the journey that recorded it, which fills `nodes.<id>.transcript` and
 * lets any node waiting for it go on (worker/src/workflows/voice/transcripts.ts).
 */
import { WorkflowNotFoundError } from '@temporalio/client';
import { journeySearchAttributeKeys, TRANSCRIPTION_SIGNAL, type TranscriptionNotice } from '@threadline/worker/contract';
import { appendTimelineEvent } from '@threadline/worker/store';
import { z } from 'zod';
import type { VoiceDeps } from './voiceDeps';

/** The callback's query, as the recording node writes it (transcriptCallbackUrl). */
export const transcriptionQuerySchema = z.object({
  journey: z.string().min(1),
  node: z.string().min(1),
  visit: z.coerce.number().int().min(1),
});

/** What Twilio posts; everything else it sends is ignored. */
export const transcriptionFormSchema = z.object({
  CallSid: z.string().min(1),
  TranscriptionSid: z.string().min(1),
  TranscriptionStatus: z.enum(['completed', 'failed']),
  TranscriptionText: z.string().default(''),
  RecordingUrl: z.string().optional(),
});

export type TranscriptionQuery = z.infer<typeof transcriptionQuerySchema>;
export type TranscriptionForm = z.infer<typeof transcriptionFormSchema>;

export interface TranscriptionTaken {
  journeyId: string;
  /** False when the journey is gone (ended long ago, or never was): the transcript is only on the timeline, if anywhere. */
  delivered: boolean;
}

export async function takeTranscription(
  deps: VoiceDeps,
  provider: string,
  query: TranscriptionQuery,
  form: TranscriptionForm,
): Promise<TranscriptionTaken> {
  const handle = deps.temporal.workflow.getHandle(query.journey);
  let contactId: string | undefined;
  try {
    contactId = (await handle.describe()).typedSearchAttributes.get(journeySearchAttributeKeys.ContactId);
  } catch (error) {
    if (!(error instanceof WorkflowNotFoundError)) throw error;
    deps.logger.warn({ journeyId: query.journey, callSid: form.CallSid }, 'a transcript for a journey that does not exist');
    return { journeyId: query.journey, delivered: false };
  }
  const completed = form.TranscriptionStatus === 'completed';
  if (contactId !== undefined) {
    await appendTimelineEvent(deps.store, {
      _id: `${provider}:${form.TranscriptionSid}`,
      contactId,
      at: new Date(),
      channel: 'voice',
      direction: 'inbound',
      kind: 'call',
      body: completed ? `voicemail transcript: ${form.TranscriptionText}` : 'the voicemail could not be transcribed',
      journeyId: query.journey,
      nodeId: query.node,
      status: `transcription ${form.TranscriptionStatus}`,
    });
  }
  const notice: TranscriptionNotice = { nodeId: query.node, visit: query.visit, status: form.TranscriptionStatus, text: completed ? form.TranscriptionText : '' };
  try {
    // A journey that has ended takes no signal; the transcript is on the timeline all the same.
    await handle.signal(TRANSCRIPTION_SIGNAL, notice);
    return { journeyId: query.journey, delivered: true };
  } catch (error) {
    if (!(error instanceof WorkflowNotFoundError)) throw error;
    return { journeyId: query.journey, delivered: false };
  }
}
