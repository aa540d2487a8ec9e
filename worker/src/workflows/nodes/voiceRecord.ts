import type { FlowNodeOf } from '@threadline/flows/types';
import type { JourneyRun } from '../journeyRun';
import { askCaller, speakingSeconds } from '../voice/askCaller';
import { CALLER_HUNG_UP, skipVoiceNode } from '../voice/callOver';
import { renderSpoken } from '../voice/renderSpoken';
import { record, say } from '../voice/twiml';
import { asksForTranscript, expectTranscript, transcriptCallbackUrl, type TranscriptStatus } from '../voice/transcripts';
import { callInProgress } from '../voice/voiceCall';
import { TURN_GRACE_SECONDS } from './voiceMenu';

/**
 * Records a message with `<Record>`. Twilio's action says how it ended: `Digits=hangup` means
 * the caller hung up (the recording is kept, the call is over: `hangup`); no recording or a
 * zero-length one is `noAudio`. With `transcribe`, the transcript of a recorded message comes
 * later, on the provider's callback (voice/transcripts.ts): until then it reads empty and its
 * status `pending`, and a node that reads it waits for it.
 */
export async function runVoiceRecord(node: FlowNodeOf<'voice.record'>, run: JourneyRun, visit: number): Promise<string | null> {
  const call = callInProgress(run);
  if (!call) return skipVoiceNode(run, node, {});
  const { config } = node;
  const transcribe = asksForTranscript(config.transcribe);
  const transcribeCallback = transcribe ? transcriptCallbackUrl(run.journeyId, node.id, visit) : undefined;
  const prompt = config.prompt === undefined ? '' : renderSpoken(run, node.id, 'prompt', config.prompt);
  const answer = await askCaller(run, call, {
    nodeId: node.id,
    visit,
    verbs: (action) => [
      ...(prompt === '' ? [] : [say(prompt)]),
      record({ action, maxLengthSeconds: config.maxLengthSeconds, playBeep: config.playBeep, transcribeCallback, finishOnKey: config.finishOnKey }),
    ],
    deadlineSeconds: config.maxLengthSeconds + speakingSeconds(prompt) + TURN_GRACE_SECONDS,
  });
  if ('hungUp' in answer) {
    run.context.nodes[node.id] = { recordingUrl: '', durationSeconds: 0, transcript: '', transcriptStatus: 'off', reason: CALLER_HUNG_UP };
    return 'hangup';
  }
  const { recordingUrl = '', recordingDuration = 0, digits } = answer.input;
  const off: TranscriptStatus = 'off';
  const result = { recordingUrl, durationSeconds: recordingDuration, transcript: '', transcriptStatus: off };
  if (digits === 'hangup') {
    call.end();
    run.context.nodes[node.id] = { ...result, reason: CALLER_HUNG_UP };
    return 'hangup';
  }
  if (recordingUrl === '' || recordingDuration <= 0) {
    run.context.nodes[node.id] = { ...result, reason: 'nothing was recorded' };
    return 'noAudio';
  }
  const transcriptStatus: TranscriptStatus = transcribe ? 'pending' : 'off';
  run.context.nodes[node.id] = { ...result, transcriptStatus, reason: `recorded ${recordingDuration}s` };
  if (transcribe) expectTranscript(run, node.id);
  return 'recorded';
}
