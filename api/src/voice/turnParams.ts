import type { VoiceTurnRequest } from '@threadline/worker/contract';
import { z } from 'zod';

/** The action URL's query, as the workflow writes it (worker/src/workflows/voice/askCaller.ts). */
export const turnQuerySchema = z.object({
  journey: z.string().min(1),
  node: z.string().min(1),
  visit: z.coerce.number().int().min(1),
  turn: z.coerce.number().int().min(1),
});

const seconds = z.coerce.number().int().min(0).optional();

/**
 * What Twilio posts to a Gather, Record, Dial or Enqueue action: the caller's keys and speech,
 * the recording, how the connected leg ended (providers-reference §3.5). Everything else it
 * sends is ignored.
 */
export const turnFormSchema = z.object({
  CallSid: z.string().min(1),
  Digits: z.string().optional(),
  SpeechResult: z.string().optional(),
  RecordingUrl: z.string().optional(),
  RecordingDuration: seconds,
  DialCallStatus: z.string().optional(),
  DialCallDuration: seconds,
  QueueResult: z.string().optional(),
  QueueTime: seconds,
});

export type TurnQuery = z.infer<typeof turnQuerySchema>;
export type TurnForm = z.infer<typeof turnFormSchema>;

/** The `input` update for the node named in the action URL; absent fields stay out. */
export function turnRequestOf(query: TurnQuery, form: TurnForm): Extract<VoiceTurnRequest, { kind: 'input' }> {
  const fields = {
    digits: form.Digits,
    speech: form.SpeechResult,
    recordingUrl: form.RecordingUrl,
    recordingDuration: form.RecordingDuration,
    dialStatus: form.DialCallStatus ?? form.QueueResult,
    dialDuration: form.DialCallDuration ?? form.QueueTime,
  };
  const present = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined && value !== ''));
  return { kind: 'input', callSid: form.CallSid, nodeId: query.node, visit: query.visit, turn: query.turn, ...present };
}
