import { ActivityFailure, condition, upsertSearchAttributes } from '@temporalio/workflow';
import { fallbackOutputOf, nextNodeId } from '@threadline/flows/runtime';
import type { FlowNodeOf } from '@threadline/flows/types';
import type { PlaceCallDecided, PlaceCallInput, PlaceCallResult } from '../../activities/activityTypes';
import { journeySearchAttributeKeys } from '../../journeys/contract';
import { placeCall } from '../journeyActivities';
import type { JourneyRun } from '../journeyRun';
import { previewText } from '../summarize';
import { OutboundCall } from '../voice/outboundCall';
import { attachCall } from '../voice/voiceCall';
import { readAnswer, unansweredOutput, unansweredReason } from './callOutboundAnswer';
import { MAX_QUIET_HOURS_DEFERRALS } from './send';
import { waitOnTimer } from './waitOnTimer';

/**
 * Answering-machine detection runs after the answer (Twilio's MachineDetectionTimeout is 30 s
 * by default; waiting for the beep takes the greeting's length): the answer may come this long
 * after the ring time.
 */
export const DETECTION_ALLOWANCE_SECONDS = 60;
/** Slack for the provider's webhook to reach us before an answer that never came counts as none. */
export const ANSWER_GRACE_SECONDS = 60;

/**
 * Places the call (one activity: compliance, outbox, provider), then waits on a durable timer
 * for the provider: the answer arrives as the `voiceTurn` update (kind `answer`, with
 * AnsweredBy) and the node takes `human` or `machine`; the call is then in progress, and the
 * voice nodes that follow build the TwiML the answer's update returns. A final status callback
 * (no-answer, busy, failed, canceled) takes `noAnswer`, `busy` or `failed`, as does a timer
 * that runs out (`noAnswer`). A call compliance refuses takes `blocked`, or `failed` in a
 * definition that has no `blocked` path (flows published before the output existed). A call
 * to the contact in their quiet hours waits on a durable timer for the window to open ("quiet
 * hours: call +3361… at 08:00 Europe/Paris"), then is placed for the same visit.
 */
export async function runCallOutbound(node: FlowNodeOf<'call.outbound'>, run: JourneyRun, visit: number): Promise<string> {
  const { config } = node;
  const timezone = run.input.definition.settings?.timezone;
  const input: PlaceCallInput = {
    journeyId: run.journeyId,
    firstRunId: run.firstRunId,
    flowId: run.input.flowId,
    nodeId: node.id,
    visit,
    contactId: run.input.contactId,
    ...(config.to === undefined ? {} : { to: config.to }),
    ...(config.from === undefined ? {} : { from: config.from }),
    machineDetection: config.machineDetection,
    timeoutSeconds: config.timeoutSeconds,
    context: { ...run.context },
    // Left out when unset, so the call is the same command it was before quiet hours held calls.
    ...(timezone === undefined ? {} : { timezone }),
  };
  const number = numberPreview(config.to ?? run.context.contact.phone);
  const { placed, call, deferredUntil } = await placeWhenAllowed(run, node.id, visit, input, number);
  // The trace says the call waited for quiet hours ("deferred until 08:00 Europe/Paris, then called").
  const deferred = deferredUntil === undefined ? {} : { deferredUntil };

  if (placed.status !== 'placed') {
    call.end();
    const result = { status: placed.status, answeredBy: '', callSid: null, to: placed.to, ...deferred };
    const fallback = fallbackOutputOf(node, placed.status);
    if (fallback !== undefined && nextNodeId(run.index, node.id, placed.status) === undefined) {
      run.context.nodes[node.id] = { ...result, status: fallback, reason: `call blocked: ${placed.reason} (the flow has no blocked path)` };
      return fallback;
    }
    run.context.nodes[node.id] = { ...result, reason: placed.reason };
    return placed.status;
  }

  if (call.callSid === '') call.callSid = placed.callSid;
  const waitSeconds = config.timeoutSeconds + (config.machineDetection === 'off' ? 0 : DETECTION_ALLOWANCE_SECONDS) + ANSWER_GRACE_SECONDS;
  await waitForAnswer(run, call, node.id, waitSeconds, `call answer timeout ${waitSeconds}s: ${number}`);

  const base = { callSid: call.callSid, to: placed.to, ...deferred };
  if (call.answeredBy !== null) {
    const answer = readAnswer(config.machineDetection, call.answeredBy);
    run.context.nodes[node.id] = { ...base, status: 'answered', answeredBy: answer.answeredBy, reason: answer.reason };
    return answer.output;
  }
  if (call.endStatus === null) {
    // Nothing came: the call is taken as unanswered and over (a late answer is hung up on).
    call.end();
    run.context.nodes[node.id] = { ...base, status: 'noAnswer', answeredBy: '', reason: `no answer within ${waitSeconds}s` };
    return 'noAnswer';
  }
  const output = unansweredOutput(call.endStatus);
  run.context.nodes[node.id] = { ...base, status: output, answeredBy: '', reason: unansweredReason(call.endStatus) };
  return output;
}

/**
 * Places the call, or, while the activity defers it for quiet hours, sleeps on a durable timer
 * until the window opens and asks again for the same visit (the idempotency key, and the one
 * provider call, stay the same). A few more rounds absorb clock skew; past them it is blocked.
 * The call is attached before each attempt (an answer that beats the activity's result finds
 * it) and ended while the journey waits: no call rings then, so no answer may claim one.
 */
async function placeWhenAllowed(
  run: JourneyRun,
  nodeId: string,
  visit: number,
  input: PlaceCallInput,
  number: string,
): Promise<{ placed: PlaceCallDecided; call: OutboundCall; deferredUntil: string | undefined }> {
  const summary = `call ${number}: ${previewText(run.input.definition.name).toLowerCase()}`;
  let call = new OutboundCall(nodeId, visit);
  attachCall(run, call);
  let result: PlaceCallResult = await attemptCall(run.nodeStats.attach(input), summary);
  let deferredUntil: string | undefined;
  for (let deferrals = 1; result.status === 'deferred'; deferrals += 1) {
    call.end();
    if (deferrals > MAX_QUIET_HOURS_DEFERRALS) {
      return { placed: { status: 'blocked', reason: `${result.reason}: still deferred after ${MAX_QUIET_HOURS_DEFERRALS} waits`, to: result.to }, call, deferredUntil };
    }
    // Date.now() is the workflow's deterministic clock; at least a second even if the window
    // opened while the result travelled back.
    const ms = Math.max(Date.parse(result.until) - Date.now(), 1000);
    deferredUntil = `${result.localTime} ${result.zone}`;
    await waitOnTimer(run, nodeId, ms, `quiet hours: call ${number} at ${result.localTime} ${result.zone}`);
    call = new OutboundCall(nodeId, visit);
    attachCall(run, call);
    result = await attemptCall(run.nodeStats.attach({ ...input, deferrals }), summary);
  }
  return { placed: result, call, deferredUntil };
}

/** Waits for the answer or the end of the call, at most `seconds`, visible as the journey's pending wait. */
async function waitForAnswer(run: JourneyRun, call: OutboundCall, nodeId: string, seconds: number, summary: string): Promise<void> {
  run.status = 'waiting';
  // Date.now() is the workflow's deterministic clock inside the sandbox.
  run.pendingWait = { nodeId, kind: 'call', until: new Date(Date.now() + seconds * 1000).toISOString(), channels: ['voice'], skippable: false };
  upsertSearchAttributes([
    { key: journeySearchAttributeKeys.CurrentNode, value: nodeId },
    { key: journeySearchAttributeKeys.JourneyStatus, value: 'waiting' },
  ]);
  await condition(() => call.answeredBy !== null || call.over, seconds * 1000, { summary });
  run.pendingWait = null;
  run.status = 'running';
  upsertSearchAttributes([{ key: journeySearchAttributeKeys.JourneyStatus, value: 'running' }]);
}

async function attemptCall(input: PlaceCallInput, summary: string): Promise<PlaceCallResult> {
  try {
    return await placeCall.executeWithOptions({ summary }, [input]);
  } catch (error) {
    // Retries exhausted: the flow decides what a failed call means through the `failed` output.
    if (!(error instanceof ActivityFailure)) throw error;
    return { status: 'failed', reason: error.cause?.message ?? error.message, to: null };
  }
}

/** "+1415…": enough of the number to recognise it in the Temporal UI, not the whole of it. */
function numberPreview(to: string | undefined): string {
  if (to === undefined || to.trim() === '') return 'the contact';
  const trimmed = to.trim();
  return /^\+\d{8,}$/.test(trimmed) ? `${trimmed.slice(0, 5)}…` : previewText(trimmed, 24);
}
