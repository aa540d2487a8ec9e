import { WorkflowFailedError, type WorkflowHandle } from '@temporalio/client';
import { writeFile } from 'node:fs/promises';
import { defaultPayloadConverter } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { CURRENT_SCHEMA_VERSION, flowLibrary } from '@threadline/flows';
import type { FlowDefinition } from '@threadline/flows/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from './activities';
import { createSandboxProvider } from './channels';
import {
  INBOUND_EVENT_SIGNAL,
  JOURNEY_WORKFLOW_TYPE,
  STATE_QUERY,
  journeySearchAttributeKeys,
  type InboundEvent,
  type JourneyInput,
  type JourneyState,
} from './journeys/contract';
import { journeyStartOptions } from './journeys/journeyStartOptions';
import { appendInboundEvent, registerJourneys, resolveContact, runningJourneysOf, type Store } from './store';
import { eventually, startWorkerTestStack, type WorkerTestStack } from './testSupport/startWorkerTestStack';
import { RECORDED_HISTORY_FORMAT } from './workflows/recordedHistories/recordedHistoryFormat';
import pino from 'pino';

const missedCallFlow = flowLibrary.find((flow) => flow.id === 'missed-call-text-back')?.definition;
if (!missedCallFlow) throw new Error('the flow library lacks missed-call-text-back');

/** Two waits, so a duplicate reply would show up as an answer to the second question. */
const twoQuestionsFlow: FlowDefinition = {
  schemaVersion: CURRENT_SCHEMA_VERSION,
  id: 'two-questions',
  name: 'Two questions',
  nodes: [
    { id: 'hello', type: 'trigger.inboundMessage', config: { channels: [] } },
    { id: 'wait_first', type: 'waitForReply', config: { channels: [], timeout: '1h', maxReprompts: 0 } },
    {
      id: 'ack_first',
      type: 'send',
      config: { channel: 'best', template: 'Got "{{ reply.text }}" on {{ reply.channel }}', mediaUrls: [], whatsappTemplateVariables: [] },
    },
    { id: 'wait_second', type: 'waitForReply', config: { channels: ['sms'], timeout: '2s', maxReprompts: 0 } },
    { id: 'end_two', type: 'end', config: { outcome: 'twoReplies', returns: [] } },
    { id: 'end_one', type: 'end', config: { outcome: 'oneReply', returns: [] } },
  ],
  edges: [
    { from: 'hello', output: 'next', to: 'wait_first' },
    { from: 'wait_first', output: 'replied', to: 'ack_first' },
    { from: 'wait_first', output: 'timeout', to: 'end_one' },
    { from: 'ack_first', output: 'sent', to: 'wait_second' },
    { from: 'ack_first', output: 'failed', to: 'end_one' },
    { from: 'ack_first', output: 'blocked', to: 'end_one' },
    { from: 'wait_second', output: 'replied', to: 'end_two' },
    { from: 'wait_second', output: 'timeout', to: 'end_one' },
  ],
  layout: {},
};

let stack: WorkerTestStack;
let phoneCounter = 0;

beforeAll(async () => {
  stack = await startWorkerTestStack();
});

afterAll(async () => {
  await stack?.stop();
});

async function newContact(store: Store, optOuts: string[] = []): Promise<{ contactId: string; phone: string }> {
  phoneCounter += 1;
  const phone = `+1415555${String(1000 + phoneCounter).padStart(4, '0')}`;
  const { contactId } = await resolveContact(store, { type: 'phone', value: phone });
  await store.contacts.updateOne({ _id: contactId }, { $set: { optOuts } });
  return { contactId, phone };
}

function missedCall(phone: string): InboundEvent {
  return { eventId: `sandbox:CA-${phone}`, kind: 'missedCall', channel: 'voice', from: phone, at: new Date().toISOString() };
}

async function startJourney(definition: FlowDefinition, contactId: string, trigger: InboundEvent): Promise<WorkflowHandle> {
  const triggerNode = definition.nodes.find((node) => node.type.startsWith('trigger.'));
  if (!triggerNode) throw new Error(`${definition.id} has no trigger`);
  const input: JourneyInput = { flowId: definition.id, flowVersion: 1, contactId, definition, triggerNodeId: triggerNode.id, trigger };
  const options = journeyStartOptions(input, stack.taskQueue);
  // What the API does when it starts a journey: register it for delivery to the contact.
  await registerJourneys(stack.store, contactId, [options.workflowId]);
  return stack.client.workflow.start(JOURNEY_WORKFLOW_TYPE, options);
}

const journeyState = (handle: WorkflowHandle) => handle.query<JourneyState>(STATE_QUERY);
const signalInbound = (handle: WorkflowHandle, event: InboundEvent) => handle.signal<[InboundEvent]>(INBOUND_EVENT_SIGNAL, event);

async function waitingAt(handle: WorkflowHandle, nodeId: string): Promise<JourneyState> {
  return eventually(async () => {
    const state = await journeyState(handle);
    return state.status === 'waiting' && state.currentNodeId === nodeId ? state : undefined;
  }, `the journey to wait at ${nodeId}`);
}

describe('the journey workflow running the missed-call text-back', () => {
  it('texts the caller, hears the reply on WhatsApp, answers the pricing question there and completes', async () => {
    const { contactId, phone } = await newContact(stack.store);
    const handle = await startJourney(missedCallFlow, contactId, missedCall(phone));

    const waiting = await waitingAt(handle, 'wait_reply');
    expect(waiting.path).toEqual(['missed_call', 'text_back', 'wait_reply']);
    expect(waiting.pendingWait).toMatchObject({ nodeId: 'wait_reply', kind: 'reply', channels: [] });
    const textBack = await stack.store.sandboxMessages.find({ to: phone }).lean();
    expect(textBack).toEqual([
      expect.objectContaining({ channel: 'sms', body: 'Sorry we missed your call — what can we help with?', providerCalls: 1 }),
    ]);

    const question: InboundEvent = {
      eventId: 'sandbox:wa-pricing-1',
      kind: 'message',
      channel: 'whatsapp',
      from: phone,
      text: 'Hi! How much does an install cost?',
      at: new Date().toISOString(),
    };
    // Recorded as the API's delivery records it: the WhatsApp window it opens lets the answer go free-form.
    await appendInboundEvent(stack.store, { _id: question.eventId, contactId, at: new Date(question.at), channel: 'whatsapp', direction: 'inbound', kind: 'message', body: question.text ?? null, from: phone });
    await signalInbound(handle, question);
    const final = await handle.result();

    expect(final).toMatchObject({
      status: 'completed',
      outcome: 'engaged',
      path: ['missed_call', 'text_back', 'wait_reply', 'mentions_pricing', 'send_pricing', 'end_engaged'],
      pendingWait: null,
    });
    expect((await journeyState(handle)).path).toEqual(final.path);

    const sends = await stack.store.sandboxMessages.find({ to: phone }).sort({ at: 1 }).lean();
    expect(sends.map((send) => [send.channel, send.body.slice(0, 20), send.providerCalls])).toEqual([
      ['sms', 'Sorry we missed your', 1],
      ['whatsapp', 'Happy to help! Our p', 1],
    ]);

    const timeline = await stack.store.timeline.find({ contactId }).sort({ at: 1 }).lean();
    expect(timeline.filter((event) => event.direction === 'outbound').map((event) => [event.nodeId, event.channel, event.status])).toEqual([
      ['text_back', 'sms', 'sent'],
      ['send_pricing', 'whatsapp', 'sent'],
    ]);
    expect(timeline.find((event) => event.kind === 'journey')).toMatchObject({ body: 'engaged', status: 'completed', nodeId: 'end_engaged' });
    expect(await runningJourneysOf(stack.store, contactId)).toEqual([]);

    const listed = await eventually(async () => {
      const found = [];
      for await (const execution of stack.client.workflow.list({ query: `ContactId = "${contactId}"` })) {
        if (execution.status.name === 'COMPLETED') found.push(execution);
      }
      return found.length > 0 ? found : undefined;
    }, 'the journey in visibility by ContactId');
    expect(listed.map((execution) => execution.workflowId)).toEqual([handle.workflowId]);
    const attributes = listed[0]?.typedSearchAttributes;
    expect(attributes?.get(journeySearchAttributeKeys.JourneyStatus)).toBe('completed');
    expect(attributes?.get(journeySearchAttributeKeys.CurrentNode)).toBe('end_engaged');
    expect(attributes?.get(journeySearchAttributeKeys.Channels)).toEqual(['voice', 'whatsapp']);
    expect(attributes?.get(journeySearchAttributeKeys.FlowId)).toBe('missed-call-text-back');

    const history = await handle.fetchHistory();
    const summaries = (history.events ?? []).flatMap((event) =>
      event.userMetadata?.summary ? [defaultPayloadConverter.fromPayload<string>(event.userMetadata.summary)] : [],
    );
    // What the Temporal UI shows: the flow, then each step; the wait's timer is named when it
    // starts and again when the reply cancels it.
    expect(summaries).toEqual([
      `Missed call text-back v1 · ${contactId} · missedCall on voice`,
      'send sms: Sorry we missed your call…',
      'wait for a reply on any channel (24h)',
      'wait for a reply on any channel (24h)',
      'send best channel: Happy to help! Our plans and…',
      'end: engaged',
    ]);
    // The same code replays its own history: the interpreter is deterministic.
    await Worker.runReplayHistory({ workflowBundle: stack.workflowBundle }, history);
    // RECORD_HISTORY=<file> refreshes the recorded history replayed by recordedHistories.unit.test.ts.
    if (process.env.RECORD_HISTORY) {
      const json = temporal.api.history.v1.History.toObject(temporal.api.history.v1.History.fromObject(history), RECORDED_HISTORY_FORMAT);
      await writeFile(process.env.RECORD_HISTORY, `${JSON.stringify(json, null, 1)}\n`);
    }
  });

  it('blocks the text-back to a contact who opted out of SMS, records why and sends nothing', async () => {
    const { contactId, phone } = await newContact(stack.store, ['sms']);
    const handle = await startJourney(missedCallFlow, contactId, missedCall(phone));

    const final = await handle.result();

    expect(final).toMatchObject({ status: 'completed', outcome: 'blocked', path: ['missed_call', 'text_back', 'end_blocked'] });
    expect(await stack.store.sandboxMessages.countDocuments({ to: phone })).toBe(0);
    const decisions = await stack.store.timeline.find({ contactId, kind: 'decision' }).lean();
    expect(decisions).toEqual([
      expect.objectContaining({ nodeId: 'text_back', status: 'blocked', body: 'sms send blocked: the contact opted out of sms' }),
    ]);
    const outbox = await stack.store.outbox.find({ contactId }).lean();
    expect(outbox.map((entry) => entry.status)).toEqual(['blocked']);
  });
});

describe('inbound events reaching a running journey', () => {
  it('ignores a repeated delivery of the same event, and the trigger event delivered again', async () => {
    const { contactId, phone } = await newContact(stack.store);
    const trigger: InboundEvent = {
      eventId: 'sandbox:SM-first-contact',
      kind: 'message',
      channel: 'sms',
      from: phone,
      text: 'hello',
      at: new Date().toISOString(),
    };
    const handle = await startJourney(twoQuestionsFlow, contactId, trigger);
    await waitingAt(handle, 'wait_first');

    await signalInbound(handle, trigger);
    expect(await journeyState(handle)).toMatchObject({ status: 'waiting', currentNodeId: 'wait_first' });

    const reply: InboundEvent = { ...trigger, eventId: 'sandbox:SM-answer', channel: 'sms', text: 'blue' };
    await signalInbound(handle, reply);
    await signalInbound(handle, reply);
    const final = await handle.result();

    expect(final).toMatchObject({ outcome: 'oneReply', path: ['hello', 'wait_first', 'ack_first', 'wait_second', 'end_one'] });
    const sends = await stack.store.sandboxMessages.find({ to: phone }).lean();
    expect(sends.map((send) => send.body)).toEqual(['Got "blue" on sms']);
  });
});

describe('a journey whose definition is broken', () => {
  it('fails with a non-retryable error naming the node whose output leads nowhere', async () => {
    const { contactId, phone } = await newContact(stack.store);
    const broken: FlowDefinition = {
      ...twoQuestionsFlow,
      id: 'broken',
      edges: twoQuestionsFlow.edges.filter((edge) => edge.from !== 'hello'),
    };
    const handle = await startJourney(broken, contactId, { ...missedCall(phone), kind: 'message', channel: 'sms' });

    const failure = await handle.result().then(
      () => null,
      (error: unknown) => error,
    );

    expect(failure).toBeInstanceOf(WorkflowFailedError);
    expect((failure as WorkflowFailedError).cause?.message).toBe(
      'flow definition, node "hello": output "next" is not connected to any node',
    );
    expect(await runningJourneysOf(stack.store, contactId)).toEqual([]);
  });

  it('fails at a node type this worker does not run yet, naming it, instead of retrying the task', async () => {
    const { contactId, phone } = await newContact(stack.store);
    // `route` hands the contact to an agent, which comes with the agents' side in a later issue.
    const routing: FlowDefinition = {
      schemaVersion: CURRENT_SCHEMA_VERSION,
      id: 'routing-to-agents',
      name: 'Routing to agents',
      nodes: [
        { id: 'hello', type: 'trigger.inboundMessage', config: { channels: [] } },
        { id: 'to_support', type: 'route', config: { skills: ['support'], priority: '1', sticky: false, queue: 'support', timeout: '15m', attributes: [] } },
        { id: 'done', type: 'end', config: { outcome: 'done', returns: [] } },
      ],
      edges: [
        { from: 'hello', output: 'next', to: 'to_support' },
        { from: 'to_support', output: 'assigned', to: 'done' },
        { from: 'to_support', output: 'overflow', to: 'done' },
      ],
      layout: {},
    };
    const handle = await startJourney(routing, contactId, { ...missedCall(phone), kind: 'message', channel: 'sms' });

    const failure = await handle.result().then(
      () => null,
      (error: unknown) => error,
    );

    expect(failure).toBeInstanceOf(WorkflowFailedError);
    expect((failure as WorkflowFailedError).cause?.message).toBe(
      'flow definition, node "to_support": node type "route" is not run by this worker yet',
    );
    const timeline = await stack.store.timeline.find({ contactId, kind: 'journey' }).lean();
    expect(timeline).toEqual([expect.objectContaining({ nodeId: 'to_support', status: 'failed' })]);
    expect(await runningJourneysOf(stack.store, contactId)).toEqual([]);
  });
});

describe('the sendMessage activity', () => {
  it('calls the provider once per send node visit however often it is retried', async () => {
    const { contactId, phone } = await newContact(stack.store);
    const activities = createActivities({
      store: stack.store,
      providers: { sandbox: createSandboxProvider(stack.store) },
      logger: pino({ level: 'silent' }),
    });
    const input = {
      journeyId: 'journey:retry-test:x',
      firstRunId: `run-${contactId}`,
      flowId: 'retry-test',
      nodeId: 'say_hi',
      visit: 1,
      contactId,
      channel: 'sms' as const,
      template: 'Hi {{ contact.id }}',
      context: {},
    };

    const first = await activities.sendMessage(input);
    const retried = await activities.sendMessage(input);
    const nextVisit = await activities.sendMessage({ ...input, visit: 2 });

    expect(first).toEqual({ status: 'sent', channel: 'sms', reason: null, providerMessageId: `sandbox:run-${contactId}:say_hi:1` });
    expect(retried).toEqual(first);
    expect(nextVisit.providerMessageId).toBe(`sandbox:run-${contactId}:say_hi:2`);
    const sends = await stack.store.sandboxMessages.find({ to: phone }).sort({ _id: 1 }).lean();
    expect(sends.map((send) => [send.body, send.providerCalls])).toEqual([
      [`Hi ${contactId}`, 1],
      [`Hi ${contactId}`, 1],
    ]);
  });
});

describe('the sendMessage activity addressing someone else', () => {
  const activities = () =>
    createActivities({ store: stack.store, providers: { sandbox: createSandboxProvider(stack.store) }, logger: pino({ level: 'silent' }) });
  const sendInput = (contactId: string, nodeId: string) => ({
    journeyId: `journey:notify-test:${contactId}`,
    firstRunId: `run-${contactId}`,
    flowId: 'notify-test',
    nodeId,
    visit: 1,
    contactId,
    channel: 'sms' as const,
    template: 'New lead {{ contact.id }} said: {{ reply.text }}',
    context: { reply: { text: 'call me', channel: 'sms', at: new Date().toISOString() }, vars: { staff: '(415) 555-7001' } },
  });

  it('sends to the rendered "to" address with the media attached, and records it on the journey contact', async () => {
    const { contactId, phone } = await newContact(stack.store);

    const result = await activities().sendMessage({
      ...sendInput(contactId, 'notify_staff'),
      to: '{{ vars.staff }}',
      mediaUrls: ['https://example.com/leads/{{ contact.id }}.pdf', '{{ vars.missing }}'],
    });

    expect(result).toMatchObject({ status: 'sent', channel: 'sms' });
    expect(await stack.store.sandboxMessages.countDocuments({ to: phone })).toBe(0);
    const staffSends = await stack.store.sandboxMessages.find({ to: '+14155557001' }).lean();
    expect(staffSends).toEqual([
      expect.objectContaining({
        body: `New lead ${contactId} said: call me`,
        mediaUrls: [`https://example.com/leads/${contactId}.pdf`],
        providerCalls: 1,
      }),
    ]);
    const outbound = await stack.store.timeline.find({ contactId, direction: 'outbound' }).lean();
    expect(outbound).toEqual([expect.objectContaining({ nodeId: 'notify_staff', to: '+14155557001', status: 'sent' })]);
  });

  it('blocks a send to a recipient who opted out of the channel, whoever the journey is for', async () => {
    const { contactId } = await newContact(stack.store);
    const staff = await newContact(stack.store, ['sms']);

    const result = await activities().sendMessage({ ...sendInput(contactId, 'notify_opted_out'), to: staff.phone });

    expect(result).toEqual({
      status: 'blocked',
      channel: 'sms',
      reason: `the recipient ${staff.phone} opted out of sms`,
      providerMessageId: null,
    });
    expect(await stack.store.sandboxMessages.countDocuments({ to: staff.phone })).toBe(0);
  });

  it('fails a send whose "to" is not an address on the channel, saying why', async () => {
    const { contactId } = await newContact(stack.store);

    const result = await activities().sendMessage({ ...sendInput(contactId, 'notify_nobody'), to: '{{ vars.nobody }}' });

    expect(result).toMatchObject({ status: 'failed', providerMessageId: null });
    expect(result.reason).toMatch(/^the "to" address: "" is not a valid sms address/);
  });
});
