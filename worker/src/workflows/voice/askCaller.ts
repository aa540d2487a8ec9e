import { condition, upsertSearchAttributes } from '@temporalio/workflow';
import { journeySearchAttributeKeys, VOICE_TURN_PATH } from '../../journeys/contract';
import type { JourneyRun } from '../journeyRun';
import type { TwimlVerb } from './twiml';
import type { CallerInput, VoiceCall } from './voiceCall';

/** What the caller's turn brought: their input, or nothing because the call is over. */
export type CallerAnswer = { input: CallerInput } | { hungUp: true };

/** The action URL of a turn: relative, so Twilio resolves it against the webhook it called (our host). */
export function turnActionUrl(journeyId: string, nodeId: string, visit: number, turn: number): string {
  const query = [`journey=${encodeURIComponent(journeyId)}`, `node=${encodeURIComponent(nodeId)}`, `visit=${visit}`, `turn=${turn}`];
  return `${VOICE_TURN_PATH}?${query.join('&')}`;
}

export interface Ask {
  nodeId: string;
  visit: number;
  /** The verbs that end the turn, given the action URL the caller's answer goes to. */
  verbs: (action: string) => TwimlVerb[];
  /**
   * How long the caller may take before the turn counts as never coming (Twilio gave up, or
   * the status callback was lost): a durable timer, so a run is never stuck on a call.
   */
  deadlineSeconds: number;
}

/**
 * Closes the open turn with the node's question and waits for the caller's answer, the end of
 * the call, or the deadline (treated as a hangup: the call is marked over).
 */
export async function askCaller(run: JourneyRun, call: VoiceCall, ask: Ask): Promise<CallerAnswer> {
  const turn = call.turn + 1;
  call.closeTurn(...ask.verbs(turnActionUrl(run.journeyId, ask.nodeId, ask.visit, turn)));
  call.awaiting = { nodeId: ask.nodeId, visit: ask.visit, turn };
  call.input = null;
  run.status = 'waiting';
  // Date.now() is the workflow's deterministic clock inside the sandbox. Not skippable: the
  // caller is on the line, and only their turn (or its deadline) moves the node on.
  const since = Date.now();
  run.pendingWait = {
    nodeId: ask.nodeId,
    kind: 'caller',
    since: new Date(since).toISOString(),
    until: new Date(since + ask.deadlineSeconds * 1000).toISOString(),
    channels: ['voice'],
    skippable: false,
  };
  upsertSearchAttributes([{ key: journeySearchAttributeKeys.CurrentNode, value: ask.nodeId }]);
  const answered = await condition(() => call.input !== null || call.over, ask.deadlineSeconds * 1000, {
    summary: `caller input timeout ${ask.deadlineSeconds}s`,
  });
  run.pendingWait = null;
  run.status = 'running';
  const { input } = call;
  call.input = null;
  call.awaiting = null;
  if (input !== null) return { input };
  if (!answered) call.end();
  return { hungUp: true };
}

/** Seconds a prompt takes to speak, roughly (TTS reads about 12 characters a second), for deadlines. */
export function speakingSeconds(text: string): number {
  return Math.ceil(text.length / 12);
}
