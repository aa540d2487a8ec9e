/**
 * Compliance at send time, whatever the flow says (issue 6, §6), on real Temporal servers: the
 * time-skipping test server for quiet hours (the night passes in seconds), the dev server for
 * the frequency cap, the email exemption and an opt-out that arrives while a journey waits.
 * Zones are chosen from the clock so each test reads the same whatever time it runs at.
 */
import { randomUUID } from 'node:crypto';
import { Connection } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { NativeConnection, Runtime, type Worker } from '@temporalio/worker';
import { CURRENT_SCHEMA_VERSION, defaultConfigOf } from '@threadline/flows';
import { renderTemplate } from '@threadline/flows/runtime';
import type { FlowDefinition, MessageChannel } from '@threadline/flows/types';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFrequencyCap, parseQuietHours, type ComplianceSettings } from './activities';
import { sendMessage } from './activities/sendMessage';
import { createSandboxProvider, listSandboxCalls } from './channels';
import { createJourneyWorker, pinoTemporalLogger } from './createJourneyWorker';
import {
  INBOUND_EVENT_SIGNAL,
  JOURNEY_WORKFLOW_TYPE,
  STATE_QUERY,
  type InboundEvent,
  type JourneyInput,
  type JourneyState,
} from './journeys/contract';
import { journeyStartOptions } from './journeys/journeyStartOptions';
import { resolveContact, type Identity } from './store';
import { eventually, startWorkerTestStack, type WorkerTestStack } from './testSupport/startWorkerTestStack';
import { startTimeSkippingServer } from './testSupport/startTimeSkippingServer';

const logger = pino({ level: process.env.LOG_LEVEL ?? 'warn' });
const HOUR = 60 * 60 * 1000;
let stack: WorkerTestStack;
let skipping: TestWorkflowEnvironment;
let contactCounter = 0;

const nightly = parseQuietHours('21:00-08:00');
const threePerDay = parseFrequencyCap('3/24h');

beforeAll(async () => {
  Runtime.install({ logger: pinoTemporalLogger(logger) });
  stack = await startWorkerTestStack();
  skipping = await startTimeSkippingServer();
});

afterAll(async () => {
  await skipping?.teardown();
  await stack?.stop();
});

/**
 * A whole-hour zone where the wall clock at `nowMs` reads `localHour` and some minutes.
 * Etc/GMT signs are inverted: Etc/GMT-5 is five hours ahead of UTC.
 */
function zoneWhereItIs(localHour: number, nowMs: number): string {
  const ahead = ((localHour - new Date(nowMs).getUTCHours() + 36) % 24) - 12;
  if (ahead === 0) return 'Etc/GMT';
  return ahead > 0 ? `Etc/GMT-${ahead}` : `Etc/GMT+${-ahead}`;
}

/** trigger → send → end by output: what a send's compliance decision makes of a journey. */
function oneSend(id: string, channel: MessageChannel, timezone?: string): FlowDefinition {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id,
    name: id,
    ...(timezone === undefined ? {} : { settings: { timezone } }),
    nodes: [
      { id: 'hello', type: 'trigger.inboundMessage', config: { channels: [] } },
      { id: 'greet', type: 'send', config: { channel, template: 'Hello {{ contact.id }}', subject: 'Hello', mediaUrls: [], whatsappTemplateVariables: [] } },
      { id: 'end_sent', type: 'end', config: { outcome: 'sent', returns: [] } },
      { id: 'end_blocked', type: 'end', config: { outcome: 'blocked', returns: [] } },
      { id: 'end_failed', type: 'end', config: { outcome: 'failed', returns: [] } },
    ],
    edges: [
      { from: 'hello', output: 'next', to: 'greet' },
      { from: 'greet', output: 'sent', to: 'end_sent' },
      { from: 'greet', output: 'blocked', to: 'end_blocked' },
      { from: 'greet', output: 'failed', to: 'end_failed' },
    ],
    layout: {},
  };
}

/** trigger → call.outbound to the contact → end by output: when a call is placed, and what it came to. */
function oneCall(id: string, timezone: string): FlowDefinition {
  const outputs = ['human', 'machine', 'noAnswer', 'busy', 'failed', 'blocked'];
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id,
    name: id,
    settings: { timezone },
    nodes: [
      { id: 'hello', type: 'trigger.inboundMessage', config: { channels: [] } },
      { id: 'ring', type: 'call.outbound', config: { ...defaultConfigOf('call.outbound'), machineDetection: 'off', timeoutSeconds: 30 } },
      ...outputs.map((output) => ({ id: `end_${output}`, type: 'end' as const, config: { outcome: output, returns: [] } })),
    ],
    edges: [{ from: 'hello', output: 'next', to: 'ring' }, ...outputs.map((output) => ({ from: 'ring', output, to: `end_${output}` }))],
    layout: {},
  };
}

async function newContact(type: Identity['type'] = 'phone'): Promise<{ contactId: string; address: string }> {
  contactCounter += 1;
  const suffix = String(1000 + contactCounter).padStart(4, '0');
  const address = type === 'email' ? `quiet-${suffix}@example.com` : `+1415558${suffix}`;
  const { contactId } = await resolveContact(stack.store, { type, value: address });
  return { contactId, address };
}

function journeyInput(definition: FlowDefinition, contact: { contactId: string; address: string }, at: string): JourneyInput {
  const channel = definition.nodes.some((node) => node.type === 'send' && node.config.channel === 'email') ? 'email' : 'sms';
  const trigger: InboundEvent = { eventId: `sandbox:SM-${randomUUID()}`, kind: 'message', channel, from: contact.address, text: 'hi', at };
  return { flowId: definition.id, flowVersion: 1, contactId: contact.contactId, definition, triggerNodeId: 'hello', trigger };
}

/** A worker with these compliance settings on the dev server, on a task queue of its own. */
/** A journey worker on the skipping server, with these compliance settings, on a task queue of its own. */
async function skippingWorker(name: string, compliance: ComplianceSettings): Promise<{ worker: Worker; taskQueue: string }> {
  const taskQueue = `journeys-${name}-${randomUUID()}`;
  const worker = await createJourneyWorker({ connection: skipping.nativeConnection, taskQueue, store: stack.store, logger, workflowBundle: stack.workflowBundle, compliance });
  return { worker, taskQueue };
}

async function withDevWorker<T>(compliance: ComplianceSettings, run: (taskQueue: string) => Promise<T>): Promise<T> {
  const taskQueue = `journeys-compliance-${randomUUID()}`;
  const client = stack.client.connection;
  if (!(client instanceof Connection)) throw new Error('the test stack\'s client has no plain connection');
  const connection = await NativeConnection.connect({ address: client.options.address });
  try {
    const worker: Worker = await createJourneyWorker({ connection, taskQueue, store: stack.store, logger, workflowBundle: stack.workflowBundle, compliance });
    return await worker.runUntil(run(taskQueue));
  } finally {
    await connection.close();
  }
}

const summariesOf = (events: temporal.api.history.v1.IHistoryEvent[]) =>
  events.flatMap((event) => (event.userMetadata?.summary ? [defaultPayloadConverter.fromPayload<string>(event.userMetadata.summary)] : []));

describe('quiet hours on a skipping clock', () => {
  it('defers an sms sent at 02:00 local to 08:00 on a durable timer, then sends it once', async () => {
    const startMs = await skipping.currentTimeMs();
    const zone = zoneWhereItIs(2, startMs);
    const definition = oneSend('quiet-sms', 'sms', zone);
    const contact = await newContact();
    const input = journeyInput(definition, contact, new Date(startMs).toISOString());
    const { worker, taskQueue } = await skippingWorker('quiet', { quietHours: nightly, frequencyCap: null });
    const { workflowId } = journeyStartOptions(input, taskQueue);

    const state = (await worker.runUntil(
      skipping.client.workflow.execute(JOURNEY_WORKFLOW_TYPE, { taskQueue, workflowId, args: [input] }),
    )) as JourneyState;

    expect(state).toMatchObject({ status: 'completed', outcome: 'sent', path: ['hello', 'greet', 'end_sent'] });
    const sends = await stack.store.sandboxMessages.find({ to: contact.address }).lean();
    expect(sends).toEqual([expect.objectContaining({ channel: 'sms', body: `Hello ${contact.contactId}`, providerCalls: 1 })]);

    const events = (await skipping.client.workflow.getHandle(workflowId).fetchHistory()).events ?? [];
    const timers = events.filter((event) => event.timerStartedEventAttributes);
    expect(timers).toHaveLength(1);
    expect(summariesOf(events)).toEqual([
      'send sms: Hello {{ contact.id }}',
      `quiet hours: send sms at 08:00 ${zone}`,
      'send sms: Hello {{ contact.id }}',
      'end: sent',
    ]);
    // The send went out at 08:00 local: six hours less the minutes past 02:00 at the start.
    const fired = events.find((event) => event.timerFiredEventAttributes);
    const firedMs = Number(fired?.eventTime?.seconds ?? 0) * 1000;
    const elapsed = firedMs - startMs;
    expect(elapsed).toBeGreaterThan(5 * HOUR - 1000);
    expect(elapsed).toBeLessThanOrEqual(6 * HOUR);
    expect(new Date(firedMs + 1000).toLocaleTimeString('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit' })).toBe('08:00');

    const decisions = await stack.store.timeline.find({ contactId: contact.contactId, kind: 'decision' }).lean();
    expect(decisions).toEqual([
      expect.objectContaining({ nodeId: 'greet', status: 'deferred', body: `sms send deferred: quiet hours 21:00–08:00 in ${zone}, until 08:00` }),
    ]);
    const outbox = await stack.store.outbox.find({ contactId: contact.contactId }).lean();
    expect(outbox.map((entry) => [entry.status, entry.attempts])).toEqual([['sent', 1]]);
  });
});

describe('quiet hours for outbound calls on a skipping clock', () => {
  it('holds a call to the contact at 02:00 local on a durable timer and places it at 08:00, once, saying so on the timeline and in the trace', async () => {
    const startMs = await skipping.currentTimeMs();
    const zone = zoneWhereItIs(2, startMs);
    const contact = await newContact();
    const input = journeyInput(oneCall('quiet-call', zone), contact, new Date(startMs).toISOString());
    // The worker's default list, calls included.
    const { worker, taskQueue } = await skippingWorker('quiet-call', { quietHours: parseQuietHours('21:00-08:00'), frequencyCap: null });
    const { workflowId } = journeyStartOptions(input, taskQueue);

    const state = (await worker.runUntil(
      skipping.client.workflow.execute(JOURNEY_WORKFLOW_TYPE, { taskQueue, workflowId, args: [input] }),
    )) as JourneyState;

    // Nobody answers the sandbox's call: the journey gives up on it after the ring time.
    expect(state).toMatchObject({ status: 'completed', outcome: 'noAnswer', path: ['hello', 'ring', 'end_noAnswer'] });
    const calls = await listSandboxCalls(stack.store, { to: contact.address });
    expect(calls).toEqual([expect.objectContaining({ providerCalls: 1 })]);

    const events = (await skipping.client.workflow.getHandle(workflowId).fetchHistory()).events ?? [];
    const quietTimer = events.find((event) => event.timerStartedEventAttributes);
    const fired = events.find((event) => event.timerFiredEventAttributes?.startedEventId?.toString() === quietTimer?.eventId?.toString());
    const firedMs = Number(fired?.eventTime?.seconds ?? 0) * 1000;
    expect(new Date(firedMs + 1000).toLocaleTimeString('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit' })).toBe('08:00');
    expect(firedMs - startMs).toBeGreaterThan(5 * HOUR - 1000);
    // Asked twice: at 02:00 (deferred, no call), and after the timer fired (placed), never between.
    const asked = events.filter((event) => event.activityTaskScheduledEventAttributes?.activityType?.name === 'placeCall');
    expect(asked).toHaveLength(2);
    expect(Number(asked[0]?.eventId)).toBeLessThan(Number(quietTimer?.eventId));
    expect(Number(asked[1]?.eventId)).toBeGreaterThan(Number(fired?.eventId));
    expect(summariesOf(events)).toContain(`quiet hours: call the contact at 08:00 ${zone}`);

    const decisions = await stack.store.timeline.find({ contactId: contact.contactId, kind: 'decision' }).lean();
    expect(decisions).toEqual([
      expect.objectContaining({ nodeId: 'ring', channel: 'voice', status: 'deferred', body: `call deferred: quiet hours 21:00–08:00 in ${zone}, until 08:00` }),
    ]);
    expect(await stack.store.timeline.countDocuments({ contactId: contact.contactId, kind: 'call', direction: 'outbound' })).toBe(1);
    const outbox = await stack.store.outbox.find({ contactId: contact.contactId }).lean();
    expect(outbox.map((entry) => [entry.channel, entry.status, entry.attempts])).toEqual([['voice', 'sent', 1]]);
    const ring = state.visits?.find((visit) => visit.nodeId === 'ring');
    expect(ring?.detail).toBe(`deferred until 08:00 ${zone}, then called; noAnswer: no answer within 90s`);
  });
});

describe('compliance on the dev server', () => {
  it('blocks the fourth message to a contact in 24 hours, across flows, and takes blocked', async () => {
    const contact = await newContact();
    const outcomes = await withDevWorker({ quietHours: null, frequencyCap: threePerDay }, async (taskQueue) => {
      const results: JourneyState[] = [];
      for (const id of ['cap-a', 'cap-b', 'cap-c', 'cap-d']) {
        const input = journeyInput(oneSend(id, 'sms'), contact, new Date().toISOString());
        results.push((await stack.client.workflow.execute(JOURNEY_WORKFLOW_TYPE, journeyStartOptions(input, taskQueue))) as JourneyState);
      }
      return results;
    });

    expect(outcomes.map((state) => state.outcome)).toEqual(['sent', 'sent', 'sent', 'blocked']);
    expect(outcomes[3]?.nodes?.greet).toMatchObject({ status: 'blocked', reason: 'frequency cap: 3 messages in 24h', messageId: null });
    expect(await stack.store.sandboxMessages.countDocuments({ to: contact.address })).toBe(3);
    const decisions = await stack.store.timeline.find({ contactId: contact.contactId, kind: 'decision' }).lean();
    expect(decisions).toEqual([
      expect.objectContaining({ nodeId: 'greet', status: 'blocked', body: 'sms send blocked: frequency cap: 3 messages in 24h' }),
    ]);
  });

  it('blocks the third message of a flow capped at 2 in 7d while another flow still sends, and holds the worker\'s cap across flows', async () => {
    const contact = await newContact();
    const capped: FlowDefinition = { ...oneSend('flow-capped', 'sms'), settings: { frequencyCap: { max: 2, window: '7d' } } };
    const outcomes = await withDevWorker({ quietHours: null, frequencyCap: threePerDay }, async (taskQueue) => {
      const results: JourneyState[] = [];
      // The capped flow three times (three journeys), then two flows of no cap of their own.
      for (const definition of [capped, capped, capped, oneSend('flow-uncapped-a', 'sms'), oneSend('flow-uncapped-b', 'sms')]) {
        const input = journeyInput(definition, contact, new Date().toISOString());
        results.push((await stack.client.workflow.execute(JOURNEY_WORKFLOW_TYPE, journeyStartOptions(input, taskQueue))) as JourneyState);
      }
      return results;
    });

    expect(outcomes.map((state) => state.outcome)).toEqual(['sent', 'sent', 'blocked', 'sent', 'blocked']);
    expect(outcomes[2]?.nodes?.greet).toMatchObject({ status: 'blocked', reason: 'frequency cap for this flow: 2 messages in 7d' });
    expect(outcomes[2]?.visits?.find((visit) => visit.nodeId === 'greet')?.detail).toBe('blocked: frequency cap for this flow: 2 messages in 7d');
    // Two of the capped flow and one of the first other flow: the worker's 3 in 24h are used up.
    expect(outcomes[4]?.nodes?.greet).toMatchObject({ status: 'blocked', reason: 'frequency cap: 3 messages in 24h' });
    expect(await stack.store.sandboxMessages.countDocuments({ to: contact.address })).toBe(3);
    const decisions = await stack.store.timeline.find({ contactId: contact.contactId, kind: 'decision' }).sort({ at: 1 }).lean();
    expect(decisions.map((decision) => [decision.journeyId, decision.body])).toEqual([
      [`journey:flow-capped:${contact.contactId}`, 'sms send blocked: frequency cap for this flow: 2 messages in 7d'],
      [`journey:flow-uncapped-b:${contact.contactId}`, 'sms send blocked: frequency cap: 3 messages in 24h'],
    ]);
    const outbox = await stack.store.outbox.find({ contactId: contact.contactId }).sort({ claimedAt: 1 }).lean();
    expect(outbox.map((entry) => [entry.flowId, entry.status])).toEqual([
      ['flow-capped', 'sent'],
      ['flow-capped', 'sent'],
      ['flow-capped', 'blocked'],
      ['flow-uncapped-a', 'sent'],
      ['flow-uncapped-b', 'blocked'],
    ]);
  });

  it('sends an email at once in the contact\'s quiet hours: email is not on the quiet list', async () => {
    const zone = zoneWhereItIs(2, Date.now());
    const contact = await newContact('email');
    const state = await withDevWorker({ quietHours: nightly, frequencyCap: threePerDay }, (taskQueue) => {
      const input = journeyInput(oneSend('quiet-email', 'email', zone), contact, new Date().toISOString());
      return stack.client.workflow.execute(JOURNEY_WORKFLOW_TYPE, journeyStartOptions(input, taskQueue)) as Promise<JourneyState>;
    });

    expect(state).toMatchObject({ status: 'completed', outcome: 'sent', path: ['hello', 'greet', 'end_sent'] });
    expect(await stack.store.sandboxMessages.find({ to: contact.address }).lean()).toEqual([
      expect.objectContaining({ channel: 'email', subject: 'Hello', providerCalls: 1 }),
    ]);
    expect(await stack.store.timeline.countDocuments({ contactId: contact.contactId, kind: 'decision' })).toBe(0);
  });

  it('applies an opt-out that arrives while the journey waits to its next send', async () => {
    const contact = await newContact();
    const definition: FlowDefinition = {
      ...oneSend('stop-mid-journey', 'sms'),
      nodes: [
        ...oneSend('stop-mid-journey', 'sms').nodes,
        { id: 'wait_reply', type: 'waitForReply', config: { channels: [], timeout: '1h', maxReprompts: 0 } },
        { id: 'follow_up', type: 'send', config: { channel: 'sms', template: 'Thanks for your reply', mediaUrls: [], whatsappTemplateVariables: [] } },
      ],
      edges: [
        { from: 'hello', output: 'next', to: 'greet' },
        { from: 'greet', output: 'sent', to: 'wait_reply' },
        { from: 'greet', output: 'blocked', to: 'end_blocked' },
        { from: 'greet', output: 'failed', to: 'end_failed' },
        { from: 'wait_reply', output: 'replied', to: 'follow_up' },
        { from: 'wait_reply', output: 'timeout', to: 'end_failed' },
        { from: 'follow_up', output: 'sent', to: 'end_sent' },
        { from: 'follow_up', output: 'blocked', to: 'end_blocked' },
        { from: 'follow_up', output: 'failed', to: 'end_failed' },
      ],
    };
    const handle = await stack.client.workflow.start(
      JOURNEY_WORKFLOW_TYPE,
      journeyStartOptions(journeyInput(definition, contact, new Date().toISOString()), stack.taskQueue),
    );
    await eventually(async () => {
      const state = await handle.query<JourneyState>(STATE_QUERY);
      return state.status === 'waiting' && state.currentNodeId === 'wait_reply' ? state : undefined;
    }, 'the journey to wait for a reply');

    // What STOP does to the contact (the inbound side records it) while the journey waits.
    await stack.store.contacts.updateOne({ _id: contact.contactId }, { $addToSet: { optOuts: 'sms' } });
    await handle.signal<[InboundEvent]>(INBOUND_EVENT_SIGNAL, {
      eventId: `sandbox:SM-${randomUUID()}`,
      kind: 'message',
      channel: 'whatsapp',
      from: contact.address,
      text: 'ok',
      at: new Date().toISOString(),
    });
    const final = (await handle.result()) as JourneyState;

    expect(final).toMatchObject({ outcome: 'blocked', path: ['hello', 'greet', 'wait_reply', 'follow_up', 'end_blocked'] });
    expect((await stack.store.sandboxMessages.find({ to: contact.address }).lean()).map((send) => send.body)).toEqual([`Hello ${contact.contactId}`]);
    const decisions = await stack.store.timeline.find({ contactId: contact.contactId, kind: 'decision' }).lean();
    expect(decisions).toEqual([expect.objectContaining({ nodeId: 'follow_up', status: 'blocked', body: 'sms send blocked: the contact opted out of sms' })]);
  });
});

describe('the sendMessage activity under compliance', () => {
  const deps = (compliance: ComplianceSettings, now: Date) => ({
    store: stack.store,
    providerFor: () => createSandboxProvider(stack.store),
    render: renderTemplate,
    logger: pino({ level: 'silent' }),
    compliance,
    now: () => now,
  });
  const sendInput = (contactId: string, nodeId: string, context: Record<string, unknown> = {}) => ({
    journeyId: `journey:compliance-activity:${contactId}`,
    firstRunId: `run-${contactId}`,
    flowId: 'compliance-activity',
    nodeId,
    visit: 1,
    contactId,
    channel: 'sms' as const,
    template: 'Hi',
    context,
  });

  it('reads quiet hours in the contact\'s zone before the flow\'s, and records a retried deferral once', async () => {
    const contact = await newContact();
    // 23:00 in Tokyo, 16:00 in Paris.
    const now = new Date('2026-07-14T14:00:00Z');
    const input = { ...sendInput(contact.contactId, 'late'), context: { contact: { id: contact.contactId, timezone: 'Asia/Tokyo' } }, timezone: 'Europe/Paris' };

    const first = await sendMessage(deps({ quietHours: nightly, frequencyCap: null }, now), input);
    const retried = await sendMessage(deps({ quietHours: nightly, frequencyCap: null }, now), input);
    const inParis = await sendMessage(deps({ quietHours: nightly, frequencyCap: null }, now), { ...sendInput(contact.contactId, 'paris'), timezone: 'Europe/Paris' });

    expect(first).toEqual({
      status: 'deferred',
      channel: 'sms',
      until: '2026-07-14T23:00:00.000Z',
      localTime: '08:00',
      zone: 'Asia/Tokyo',
      reason: 'quiet hours 21:00–08:00 in Asia/Tokyo, until 08:00',
      providerMessageId: null,
    });
    expect(retried).toEqual(first);
    expect(inParis).toMatchObject({ status: 'sent' });
    expect(await stack.store.outbox.countDocuments({ _id: `run-${contact.contactId}:late:1` })).toBe(0);
    expect(await stack.store.sandboxMessages.countDocuments({ _id: `run-${contact.contactId}:late:1` })).toBe(0);
    const deferrals = await stack.store.timeline.find({ contactId: contact.contactId, status: 'deferred' }).lean();
    expect(deferrals.map((event) => event._id)).toEqual([`decision:run-${contact.contactId}:late:1:deferred:1`]);
  });

  it('lets at most one of two simultaneous sends take the last slot of the cap', async () => {
    const contact = await newContact();
    const capped = deps({ quietHours: null, frequencyCap: threePerDay }, new Date());
    await sendMessage(capped, sendInput(contact.contactId, 'one'));
    await sendMessage(capped, sendInput(contact.contactId, 'two'));

    const racing = await Promise.all([sendMessage(capped, sendInput(contact.contactId, 'three_a')), sendMessage(capped, sendInput(contact.contactId, 'three_b'))]);

    expect(racing.filter((result) => result.status === 'sent').length).toBeLessThanOrEqual(1);
    expect(await stack.store.sandboxMessages.countDocuments({ to: contact.address })).toBeLessThanOrEqual(3);
    for (const result of racing.filter((each) => each.status !== 'sent')) {
      expect(result).toMatchObject({ status: 'blocked', reason: 'frequency cap: 3 messages in 24h' });
    }
  });

  it('lets at most one of two simultaneous sends of a flow take the last slot of the flow\'s own cap', async () => {
    const contact = await newContact();
    const sameFlow = (nodeId: string) => ({ ...sendInput(contact.contactId, nodeId), flowFrequencyCap: { max: 2, window: '7d' } });
    const capped = deps({ quietHours: null, frequencyCap: null }, new Date());
    expect((await sendMessage(capped, sameFlow('one'))).status).toBe('sent');

    const racing = await Promise.all([sendMessage(capped, sameFlow('two_a')), sendMessage(capped, sameFlow('two_b'))]);

    expect(racing.filter((result) => result.status === 'sent').length).toBeLessThanOrEqual(1);
    for (const result of racing.filter((each) => each.status !== 'sent')) {
      expect(result).toMatchObject({ status: 'blocked', reason: 'frequency cap for this flow: 2 messages in 7d' });
    }
    // Another flow's send is not this flow's to count.
    expect(await sendMessage(capped, { ...sameFlow('elsewhere'), flowId: 'another-flow' })).toMatchObject({ status: 'sent' });
  });

  it('counts outbox entries written before they carried a flowId against the flow named by their journey', async () => {
    const contact = await newContact();
    const at = new Date();
    const oldEntry = (id: string, journeyId: string) => ({
      _id: id,
      journeyId,
      nodeId: 'old',
      contactId: contact.contactId,
      channel: 'sms',
      to: contact.address,
      status: 'sent',
      sentAt: at,
      claimedAt: at,
    });
    // The flow's own, another flow's, and a subflow child's (whose id names its parent's flow),
    // written to the collection as they were, with no flowId field at all.
    await stack.store.connection.collection<{ _id: string }>('outbox').insertMany([
      oldEntry(`old-own-${contact.contactId}`, `journey:compliance-activity:${contact.contactId}`),
      oldEntry(`old-other-${contact.contactId}`, `journey:some-other-flow:${contact.contactId}`),
      oldEntry(`old-child-${contact.contactId}`, `journey:compliance-activity:${contact.contactId}/sub:collect:1`),
    ]);
    const capped = deps({ quietHours: null, frequencyCap: null }, at);
    const withCap = (nodeId: string) => ({ ...sendInput(contact.contactId, nodeId), flowFrequencyCap: { max: 2, window: '24h' } });

    const second = await sendMessage(capped, withCap('second'));
    const third = await sendMessage(capped, withCap('third'));

    expect([second.status, third.status]).toEqual(['sent', 'blocked']);
    expect(third.reason).toBe('frequency cap for this flow: 2 messages in 24h');
  });

  it('does not count an alert to someone else against the contact\'s cap', async () => {
    const contact = await newContact();
    const capped = deps({ quietHours: null, frequencyCap: parseFrequencyCap('1/24h') }, new Date());

    const alert = await sendMessage(capped, { ...sendInput(contact.contactId, 'alert'), to: '+14155557002' });
    const own = await sendMessage(capped, sendInput(contact.contactId, 'own'));
    const second = await sendMessage(capped, sendInput(contact.contactId, 'second'));

    expect([alert.status, own.status, second.status]).toEqual(['sent', 'sent', 'blocked']);
    expect(second.reason).toBe('frequency cap: 1 message in 24h');
  });
});
