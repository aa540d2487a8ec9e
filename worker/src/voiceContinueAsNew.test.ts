/**
 * A journey never continues as new on a live call (continueAsNew.ts): the call, its open turn
 * and the node the caller answers belong to the run. On a dev server that suggests continuing
 * as new past 20 history events, a caller (who rang in, or whom the journey called) goes round
 * a menu several times, the history passing the mark early on the call, then the journey leaves
 * the call to wait for a text; it continues as new only at the first node after the call ended,
 * and the new run carries on.
 */
import { WithStartWorkflowOperation, type WorkflowHandle } from '@temporalio/client';
import type { Workflow } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';
import { CURRENT_SCHEMA_VERSION, validateFlow } from '@threadline/flows';
import type { FlowDefinition } from '@threadline/flows/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  INBOUND_EVENT_SIGNAL,
  JOURNEY_WORKFLOW_TYPE,
  VOICE_TURN_UPDATE,
  type InboundEvent,
  type JourneyInput,
  type JourneyState,
  type VoiceTurnRequest,
} from './journeys/contract';
import { journeyStartOptions } from './journeys/journeyStartOptions';
import { listSandboxCalls } from './channels';
import { resolveContact } from './store';
import { eventually, startWorkerTestStack, type WorkerTestStack } from './testSupport/startWorkerTestStack';

const SUGGEST_CONTINUE_AS_NEW_AFTER = 20;
const ROUNDS = 6;

/** The call's menu: press 1 to hear it again (as often as you like), 2 to be texted; the text's reply is echoed back. */
const menuThenText: Pick<FlowDefinition, 'nodes' | 'edges'> = {
  nodes: [
    {
      id: 'menu',
      type: 'voice.menu',
      config: {
        prompt: 'Press 1 to hear this again, 2 to get a text.',
        input: 'dtmf',
        options: [
          { output: 'again', digit: '1', phrases: [] },
          { output: 'text', digit: '2', phrases: [] },
        ],
        timeoutSeconds: 5,
        retries: 0,
      },
    },
    { id: 'say_again', type: 'voice.say', config: { text: 'Once more.', loop: 1 } },
    { id: 'say_texting', type: 'voice.say', config: { text: 'We are texting you now. Goodbye.', loop: 1 } },
    { id: 'wait_text', type: 'waitForReply', config: { channels: [], timeout: '1h', maxReprompts: 0 } },
    { id: 'echo', type: 'send', config: { channel: 'sms', template: 'You said: {{ reply.text }}', mediaUrls: [], whatsappTemplateVariables: [] } },
    { id: 'end_done', type: 'end', config: { outcome: 'done', returns: [] } },
    { id: 'end_quiet', type: 'end', config: { outcome: 'quiet', returns: [] } },
  ],
  edges: [
    { from: 'menu', output: 'again', to: 'say_again' },
    { from: 'say_again', output: 'next', to: 'menu' },
    { from: 'menu', output: 'text', to: 'say_texting' },
    { from: 'menu', output: 'noInput', to: 'end_quiet' },
    { from: 'menu', output: 'noMatch', to: 'end_quiet' },
    { from: 'say_texting', output: 'next', to: 'wait_text' },
    { from: 'wait_text', output: 'replied', to: 'echo' },
    { from: 'wait_text', output: 'timeout', to: 'end_quiet' },
    { from: 'echo', output: 'sent', to: 'end_done' },
    { from: 'echo', output: 'failed', to: 'end_quiet' },
    { from: 'echo', output: 'blocked', to: 'end_quiet' },
  ],
};

/** The caller rings in. */
const inboundCallFlow: FlowDefinition = {
  schemaVersion: CURRENT_SCHEMA_VERSION,
  id: 'call-then-text',
  name: 'Call then text',
  nodes: [{ id: 'inbound_call', type: 'trigger.inboundCall', config: { numbers: [] } }, ...menuThenText.nodes],
  edges: [{ from: 'inbound_call', output: 'next', to: 'menu' }, ...menuThenText.edges],
  layout: {},
};

/** The journey calls the contact, who answers. */
const outboundCallFlow: FlowDefinition = {
  schemaVersion: CURRENT_SCHEMA_VERSION,
  id: 'call-out-then-text',
  name: 'Call out then text',
  nodes: [
    { id: 'start', type: 'trigger.event', config: { event: 'call.me', payload: [] } },
    { id: 'call_customer', type: 'call.outbound', config: { machineDetection: 'off', timeoutSeconds: 30 } },
    ...menuThenText.nodes,
  ],
  edges: [
    { from: 'start', output: 'next', to: 'call_customer' },
    { from: 'call_customer', output: 'human', to: 'menu' },
    ...['machine', 'noAnswer', 'busy', 'failed', 'blocked'].map((output) => ({ from: 'call_customer', output, to: 'end_quiet' })),
    ...menuThenText.edges,
  ],
  layout: {},
};

let stack: WorkerTestStack;

beforeAll(async () => {
  stack = await startWorkerTestStack({ dynamicConfig: { 'limit.historyCount.suggestContinueAsNew': SUGGEST_CONTINUE_AS_NEW_AFTER } });
}, 180_000);

afterAll(async () => {
  await stack?.stop();
});

/** Answers the turn the document asks for, as Twilio posts to its action URL. */
async function press(handle: WorkflowHandle, callSid: string, document: string, digits: string): Promise<string> {
  const action = /action="([^"]*)"/.exec(document)?.[1]?.replace(/&amp;/g, '&');
  if (action === undefined) throw new Error(`no action in ${document}`);
  const query = new URL(action, 'http://x').searchParams;
  const request: VoiceTurnRequest = { kind: 'input', callSid, nodeId: query.get('node') ?? '', visit: Number(query.get('visit')), turn: Number(query.get('turn')), digits };
  return handle.executeUpdate<string, [VoiceTurnRequest]>(VOICE_TURN_UPDATE, { args: [request] });
}

/** Each run of the chain, first to last, with its events. */
async function runChain(handle: WorkflowHandle, firstRunId: string): Promise<temporal.api.history.v1.IHistoryEvent[][]> {
  const runs: temporal.api.history.v1.IHistoryEvent[][] = [];
  let runId: string | null | undefined = firstRunId;
  while (runId) {
    const events: temporal.api.history.v1.IHistoryEvent[] = (await stack.client.workflow.getHandle(handle.workflowId, runId).fetchHistory()).events ?? [];
    runs.push(events);
    runId = events.at(-1)?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId;
  }
  return runs;
}

interface LiveCall {
  handle: WorkflowHandle;
  callSid: string;
  firstRunId: string;
  phone: string;
  /** The first turn's TwiML. */
  document: string;
}

async function ringIn(phone: string, callSid: string): Promise<LiveCall> {
  const { contactId } = await resolveContact(stack.store, { type: 'phone', value: phone });
  const trigger: InboundEvent = { eventId: `sandbox:${callSid}`, kind: 'call', channel: 'voice', from: phone, at: new Date().toISOString() };
  const input: JourneyInput = { flowId: inboundCallFlow.id, flowVersion: 1, contactId, definition: inboundCallFlow, triggerNodeId: 'inbound_call', trigger };
  const { workflowId, ...options } = journeyStartOptions(input, stack.taskQueue);
  const startWorkflowOperation = new WithStartWorkflowOperation(JOURNEY_WORKFLOW_TYPE, { workflowId, ...options, workflowIdConflictPolicy: 'USE_EXISTING' });
  const document = await stack.client.workflow.executeUpdateWithStart<Workflow, string, [VoiceTurnRequest]>(VOICE_TURN_UPDATE, {
    args: [{ kind: 'start', callSid }],
    startWorkflowOperation,
  });
  const handle = await startWorkflowOperation.workflowHandle();
  return { handle, callSid, firstRunId: (await handle.describe()).runId, phone, document };
}

async function callOut(phone: string): Promise<LiveCall> {
  const { contactId } = await resolveContact(stack.store, { type: 'phone', value: phone });
  const trigger: InboundEvent = { eventId: `api:call-me-${phone}`, kind: 'event', name: 'call.me', data: {}, channel: 'sms', from: phone, at: new Date().toISOString() };
  const input: JourneyInput = { flowId: outboundCallFlow.id, flowVersion: 1, contactId, definition: outboundCallFlow, triggerNodeId: 'start', trigger };
  const handle = await stack.client.workflow.start(JOURNEY_WORKFLOW_TYPE, journeyStartOptions(input, stack.taskQueue));
  const placed = await eventually(async () => (await listSandboxCalls(stack.store, { to: phone }))[0], 'the sandbox to place the call');
  const answer: VoiceTurnRequest = { kind: 'answer', callSid: placed.callSid, nodeId: 'call_customer', visit: 1, answeredBy: 'human' };
  const document = await handle.executeUpdate<string, [VoiceTurnRequest]>(VOICE_TURN_UPDATE, { args: [answer] });
  return { handle, callSid: placed.callSid, firstRunId: handle.firstExecutionRunId, phone, document };
}

/**
 * Goes round the menu ROUNDS times, then asks for the text (the call ends there), replies to
 * it, and returns the journey's end state and its runs.
 */
async function talkThenText(call: LiveCall): Promise<{ state: JourneyState; runs: temporal.api.history.v1.IHistoryEvent[][] }> {
  const { handle, callSid } = call;
  let document = call.document;
  for (let round = 1; round <= ROUNDS; round += 1) {
    expect(document).toContain(`node=menu&amp;visit=${round}&amp;turn=${round}`);
    document = await press(handle, callSid, document, '1');
    expect(document).toContain('<Say>Once more.</Say><Gather');
  }
  const goodbye = await press(handle, callSid, document, '2');
  expect(goodbye).toBe('<?xml version="1.0" encoding="UTF-8"?><Response><Say>We are texting you now. Goodbye.</Say><Hangup/></Response>');

  // Still the first run: the history is far past the mark, but the call was live until now.
  expect((await handle.describe()).runId).toBe(call.firstRunId);
  const reply: InboundEvent = { eventId: `sandbox:SM-after-${callSid}`, kind: 'message', channel: 'sms', from: call.phone, text: 'thanks!', at: new Date().toISOString() };
  await handle.signal(INBOUND_EVENT_SIGNAL, reply);
  const state: JourneyState = await handle.result();
  return { state, runs: await runChain(handle, call.firstRunId) };
}

/** Every turn of the call was answered in the first run, which then continued as new at the send; the next run sent it. */
async function expectCallKeptInFirstRun(call: LiveCall, runs: temporal.api.history.v1.IHistoryEvent[][]): Promise<void> {
  expect(runs).toHaveLength(2);
  const [callRun = [], nextRun = []] = runs;
  expect(callRun.filter((event) => event.workflowExecutionUpdateCompletedEventAttributes)).toHaveLength(ROUNDS + 2);
  expect(callRun.length).toBeGreaterThan(SUGGEST_CONTINUE_AS_NEW_AFTER * 3);
  expect(callRun.at(-1)?.workflowExecutionContinuedAsNewEventAttributes).toBeTruthy();
  expect(nextRun.some((event) => event.workflowExecutionUpdateCompletedEventAttributes)).toBe(false);
  const sent = await stack.store.outbox.find({ journeyId: call.handle.workflowId, nodeId: 'echo' }).lean();
  expect(sent.map(({ status, body }) => ({ status, body }))).toEqual([{ status: 'sent', body: 'You said: thanks!' }]);
}

const menuRounds = Array.from({ length: ROUNDS }, () => ['menu', 'say_again']).flat();

describe('a journey whose history passes the continue-as-new mark during a call', () => {
  it('keeps an inbound call in its run, answering every turn, and continues as new at the first node after the call ended', async () => {
    expect(validateFlow(inboundCallFlow)).toEqual([]);
    const call = await ringIn('+14155550177', 'CA-continue-as-new-1');
    const { state, runs } = await talkThenText(call);
    expect(state).toMatchObject({ status: 'completed', outcome: 'done' });
    expect(state.path).toEqual(['inbound_call', ...menuRounds, 'menu', 'say_texting', 'wait_text', 'echo', 'end_done']);
    await expectCallKeptInFirstRun(call, runs);
  });

  it('keeps an answered outbound call in its run the same way', async () => {
    expect(validateFlow(outboundCallFlow)).toEqual([]);
    const call = await callOut('+14155550178');
    const { state, runs } = await talkThenText(call);
    expect(state).toMatchObject({ status: 'completed', outcome: 'done' });
    expect(state.path).toEqual(['start', 'call_customer', ...menuRounds, 'menu', 'say_texting', 'wait_text', 'echo', 'end_done']);
    await expectCallKeptInFirstRun(call, runs);
  });
});
