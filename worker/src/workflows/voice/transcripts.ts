/**
 * Recording transcripts. Twilio transcribes a `<Record transcribe="true">` after the call and
 * posts the text to its transcribeCallback minutes later; the API hands it to the journey as
 * the `transcription` signal. Until then the recording node's `transcriptStatus` is `pending`,
 * and a node whose config reads `nodes.<id>.transcript` waits for it (at most
 * TRANSCRIPT_WAIT_MS) before it runs, after letting the caller go: nobody holds the line for a
 * transcription, and Twilio would give up on the turn long before it came.
 */
import { condition, defineSignal, log, patched, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import type { FlowNode } from '@threadline/flows/types';
import { journeySearchAttributeKeys, TRANSCRIPTION_SIGNAL, VOICE_TRANSCRIPTION_PATH, type TranscriptionNotice } from '../../journeys/contract';
import type { JourneyRun } from '../journeyRun';
import { callInProgress } from './voiceCall';

export const transcriptionSignal = defineSignal<[TranscriptionNotice]>(TRANSCRIPTION_SIGNAL);

/** How long a reader waits for a transcript; Twilio's usually come within a few minutes. */
export const TRANSCRIPT_WAIT_MS = 10 * 60 * 1000;

/** Journeys recorded before transcripts were taken asked for no callback, so they never wait for one. */
const TRANSCRIPT_CALLBACK_PATCH = 'voice-record-transcript-callback';

/** `off`: not asked for; `timedOut`: a reader stopped waiting for it. */
export type TranscriptStatus = 'off' | 'pending' | 'completed' | 'failed' | 'timedOut';

/** Whether this recording asks the provider for a transcript. Call once per recording, at the same point on replay. */
export function asksForTranscript(transcribe: boolean): boolean {
  return transcribe && patched(TRANSCRIPT_CALLBACK_PATCH);
}

/** The transcribeCallback of a recording: relative, like the turns' action URLs. */
export function transcriptCallbackUrl(journeyId: string, nodeId: string, visit: number): string {
  return `${VOICE_TRANSCRIPTION_PATH}?journey=${encodeURIComponent(journeyId)}&node=${encodeURIComponent(nodeId)}&visit=${visit}`;
}

/** The recording nodes whose transcript has not come yet, per run (module state is per workflow). */
const pendingByRun = new WeakMap<JourneyRun, Set<string>>();

function pendingOf(run: JourneyRun): Set<string> {
  let pending = pendingByRun.get(run);
  if (!pending) {
    // A run that continued as new finds its pending transcripts in the results it carried.
    pending = new Set(Object.entries(run.context.nodes).filter(([, result]) => statusOf(result) === 'pending').map(([nodeId]) => nodeId));
    pendingByRun.set(run, pending);
  }
  return pending;
}

/** The recording node's visit now waits for its transcript. */
export function expectTranscript(run: JourneyRun, nodeId: string): void {
  pendingOf(run).add(nodeId);
}

export function registerTranscriptions(run: JourneyRun): void {
  pendingOf(run);
  setHandler(transcriptionSignal, (notice) => takeTranscription(run, notice));
}

/** Fills the recording's result; a transcript for another visit, or one that came already, is ignored. */
function takeTranscription(run: JourneyRun, notice: TranscriptionNotice | undefined): void {
  const nodeId = notice?.nodeId;
  if (typeof nodeId !== 'string' || !pendingOf(run).has(nodeId) || notice?.visit !== run.visitsOf(nodeId)) {
    log.info('ignored a transcription the journey does not wait for', { nodeId, visit: notice?.visit });
    return;
  }
  const completed = notice.status === 'completed';
  settle(run, nodeId, completed ? 'completed' : 'failed', completed && typeof notice.text === 'string' ? notice.text : '');
}

function settle(run: JourneyRun, nodeId: string, status: Exclude<TranscriptStatus, 'off' | 'pending'>, transcript: string): void {
  pendingOf(run).delete(nodeId);
  const result = run.context.nodes[nodeId];
  run.context.nodes[nodeId] = { ...(typeof result === 'object' && result !== null ? result : {}), transcript, transcriptStatus: status };
}

/** The pending recordings whose transcript `node` reads; empty (and cheap) when none is pending. */
export function pendingTranscriptsReadBy(node: FlowNode, run: JourneyRun): string[] {
  const pending = pendingByRun.get(run);
  if (pending === undefined || pending.size === 0) return [];
  const config = JSON.stringify(node.config);
  return [...pending].filter((nodeId) => config.includes(`nodes.${nodeId}.transcript`));
}

/**
 * Waits before `node` runs until the transcripts it reads have come, at most TRANSCRIPT_WAIT_MS
 * (the simulator may skip the wait); any still missing then read as empty, `timedOut`.
 */
export async function awaitTranscripts(run: JourneyRun, node: FlowNode, recordings: readonly string[]): Promise<void> {
  callInProgress(run)?.end();
  const pending = pendingOf(run);
  run.status = 'waiting';
  // Date.now() is the workflow's deterministic clock inside the sandbox.
  const until = new Date(Date.now() + TRANSCRIPT_WAIT_MS).toISOString();
  run.pendingWait = { nodeId: node.id, kind: 'transcript', until, channels: [], event: recordings.join(', '), skippable: true };
  upsertSearchAttributes([
    { key: journeySearchAttributeKeys.CurrentNode, value: node.id },
    { key: journeySearchAttributeKeys.JourneyStatus, value: 'waiting' },
  ]);
  await condition(() => recordings.every((nodeId) => !pending.has(nodeId)) || run.waitSkip.isRequested(node.id), TRANSCRIPT_WAIT_MS, {
    summary: `wait for the transcript of ${recordings.join(', ')}`,
  });
  // The node still runs after a skipped wait: its visit is not "wait skipped".
  run.waitSkip.settle(node.id, false);
  for (const nodeId of recordings) if (pending.has(nodeId)) settle(run, nodeId, 'timedOut', '');
  run.pendingWait = null;
  run.status = 'running';
  upsertSearchAttributes([{ key: journeySearchAttributeKeys.JourneyStatus, value: 'running' }]);
}

function statusOf(result: unknown): unknown {
  return typeof result === 'object' && result !== null ? (result as { transcriptStatus?: unknown }).transcriptStatus : undefined;
}
