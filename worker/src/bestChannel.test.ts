import { CURRENT_SCHEMA_VERSION } from '@threadline/flows';
import type { FlowDefinition } from '@threadline/flows/types';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from './activities';
import { createSandboxProvider } from './channels';
import { JOURNEY_WORKFLOW_TYPE, type InboundEvent, type JourneyInput, type JourneyState } from './journeys/contract';
import { journeyStartOptions } from './journeys/journeyStartOptions';
import { appendInboundEvent, appendTimelineEvent, registerJourneys, resolveContact } from './store';
import { startWorkerTestStack, type WorkerTestStack } from './testSupport/startWorkerTestStack';

/** A missed call answered with one `best` send: where it goes is all the journey decides. */
const callBackFlow: FlowDefinition = {
  schemaVersion: CURRENT_SCHEMA_VERSION,
  id: 'best-call-back',
  name: 'Best call-back',
  nodes: [
    { id: 'missed_call', type: 'trigger.missedCall', config: { numbers: [], outcomes: [] } },
    { id: 'text_back', type: 'send', config: { channel: 'best', template: 'Sorry we missed you', mediaUrls: [], whatsappTemplateVariables: [] } },
    { id: 'end_sent', type: 'end', config: { outcome: 'sent', returns: [] } },
    { id: 'end_not_sent', type: 'end', config: { outcome: 'notSent', returns: [] } },
  ],
  edges: [
    { from: 'missed_call', output: 'next', to: 'text_back' },
    { from: 'text_back', output: 'sent', to: 'end_sent' },
    { from: 'text_back', output: 'failed', to: 'end_not_sent' },
    { from: 'text_back', output: 'blocked', to: 'end_not_sent' },
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

interface ContactSetup {
  optOuts?: string[];
  preferredChannel?: 'sms' | 'whatsapp' | 'email' | 'webchat';
  email?: string;
}

async function newContact(setup: ContactSetup = {}): Promise<{ contactId: string; phone: string }> {
  phoneCounter += 1;
  const phone = `+1415556${String(1000 + phoneCounter).padStart(4, '0')}`;
  const { contactId } = await resolveContact(stack.store, { type: 'phone', value: phone });
  const identities = [{ type: 'phone', value: phone }, ...(setup.email === undefined ? [] : [{ type: 'email', value: setup.email }])];
  await stack.store.contacts.updateOne(
    { _id: contactId },
    { $set: { optOuts: setup.optOuts ?? [], identities, preferredChannel: setup.preferredChannel ?? null } },
  );
  return { contactId, phone };
}

/**
 * The contact's history as the webhooks and sends leave it: our WhatsApp message, their reply
 * `delay` seconds later, once a day, the last `lastAgoMs` ago (an hour: WhatsApp's 24-hour window
 * is open for a free-form send; a reply is recorded as the API records it, window included).
 */
async function repliedOnWhatsApp(contactId: string, phone: string, delays: number[], lastAgoMs = 3_600_000): Promise<void> {
  let at = Date.now() - (delays.length - 1) * 86_400_000 - lastAgoMs;
  for (const [index, delay] of delays.entries()) {
    const common = { contactId, channel: 'whatsapp', kind: 'message' as const };
    await appendTimelineEvent(stack.store, { ...common, _id: `out:history-${contactId}-${index}`, at: new Date(at), direction: 'outbound', to: phone, body: 'Your order shipped' });
    await appendInboundEvent(stack.store, { ...common, _id: `sandbox:wa-${contactId}-${index}`, at: new Date(at + delay * 1000), direction: 'inbound', from: phone, body: 'thanks!' });
    at += 86_400_000;
  }
}

async function runCallBack(contactId: string, phone: string, definition: FlowDefinition = callBackFlow): Promise<JourneyState> {
  const trigger: InboundEvent = { eventId: `sandbox:CA-${contactId}`, kind: 'missedCall', channel: 'voice', from: phone, at: new Date().toISOString() };
  const input: JourneyInput = { flowId: definition.id, flowVersion: 1, contactId, definition, triggerNodeId: 'missed_call', trigger };
  const options = journeyStartOptions(input, stack.taskQueue);
  await registerJourneys(stack.store, contactId, [options.workflowId]);
  const handle = await stack.client.workflow.start(JOURNEY_WORKFLOW_TYPE, options);
  return handle.result();
}

async function bestChannelDecisions(contactId: string) {
  const decisions = await stack.store.timeline.find({ contactId, kind: 'decision' }).lean();
  return decisions.map((decision) => ({ channel: decision.channel, body: decision.body, nodeId: decision.nodeId, status: decision.status }));
}

describe('a send on the best channel', () => {
  it('goes to WhatsApp for a contact who replied there 3 times, and says so on the timeline', async () => {
    const { contactId, phone } = await newContact();
    await repliedOnWhatsApp(contactId, phone, [30, 40, 300]);

    const final = await runCallBack(contactId, phone);

    expect(final).toMatchObject({ status: 'completed', outcome: 'sent', nodes: { text_back: { status: 'sent', channel: 'whatsapp' } } });
    const sends = await stack.store.sandboxMessages.find({ to: phone }).lean();
    expect(sends.map((send) => [send.channel, send.body, send.providerCalls])).toEqual([['whatsapp', 'Sorry we missed you', 1]]);
    expect(await bestChannelDecisions(contactId)).toEqual([
      { channel: 'whatsapp', body: 'best channel whatsapp: replied there 3 times, median 40 s', nodeId: 'text_back', status: 'chosen' },
    ]);
  });

  it("goes to the contact's preferred channel over the one they reply on", async () => {
    const email = 'prefers-email@example.com';
    const { contactId, phone } = await newContact({ preferredChannel: 'email', email });
    await repliedOnWhatsApp(contactId, phone, [30, 40, 300]);

    const final = await runCallBack(contactId, phone);

    expect(final).toMatchObject({ outcome: 'sent', nodes: { text_back: { status: 'sent', channel: 'email' } } });
    const sends = await stack.store.sandboxMessages.find({ to: email }).lean();
    expect(sends.map((send) => send.channel)).toEqual(['email']);
    expect(await bestChannelDecisions(contactId)).toEqual([
      { channel: 'email', body: 'best channel email: the contact prefers it', nodeId: 'text_back', status: 'chosen' },
    ]);
  });

  it('skips WhatsApp when the contact opted out of it, and names what it passed over', async () => {
    const { contactId, phone } = await newContact({ optOuts: ['whatsapp'] });
    await repliedOnWhatsApp(contactId, phone, [30, 40, 300]);

    const final = await runCallBack(contactId, phone);

    expect(final).toMatchObject({ outcome: 'sent', nodes: { text_back: { status: 'sent', channel: 'sms' } } });
    const sends = await stack.store.sandboxMessages.find({ to: phone }).lean();
    expect(sends.map((send) => send.channel)).toEqual(['sms']);
    expect(await bestChannelDecisions(contactId)).toEqual([
      {
        channel: 'sms',
        body: 'best channel sms: no behaviour, preference or default to go by; passed over whatsapp, where they answered (opted out)',
        nodeId: 'text_back',
        status: 'chosen',
      },
    ]);
  });

  it("passes over WhatsApp when its 24-hour window is closed and the node has no template, saying why", async () => {
    const { contactId, phone } = await newContact();
    await repliedOnWhatsApp(contactId, phone, [30, 40, 300], 2 * 86_400_000);

    const final = await runCallBack(contactId, phone);

    expect(final).toMatchObject({ outcome: 'sent', nodes: { text_back: { status: 'sent', channel: 'sms' } } });
    expect(await bestChannelDecisions(contactId)).toEqual([
      {
        channel: 'sms',
        body: 'best channel sms: no behaviour, preference or default to go by; passed over whatsapp, where they answered (its 24-hour window is closed and the node has no template)',
        nodeId: 'text_back',
        status: 'chosen',
      },
    ]);
  });

  it('keeps WhatsApp when its window is closed but the node has a template to send there', async () => {
    const { contactId, phone } = await newContact();
    await repliedOnWhatsApp(contactId, phone, [30, 40, 300], 2 * 86_400_000);
    const withTemplate: FlowDefinition = {
      ...callBackFlow,
      id: 'best-call-back-template',
      nodes: callBackFlow.nodes.map((node) =>
        node.type === 'send' ? { ...node, config: { ...node.config, whatsappTemplate: 'missed_call_back', whatsappTemplateVariables: [] } } : node,
      ),
    };

    const final = await runCallBack(contactId, phone, withTemplate);

    expect(final).toMatchObject({ outcome: 'sent', nodes: { text_back: { status: 'sent', channel: 'whatsapp' } } });
    const sends = await stack.store.sandboxMessages.find({ to: phone }).lean();
    expect(sends.map((send) => [send.channel, send.whatsappTemplate?.name])).toEqual([['whatsapp', 'missed_call_back']]);
  });

  it('keeps the channel it chose for the visit when the activity is retried after the contact replied elsewhere', async () => {
    const { contactId, phone } = await newContact();
    await repliedOnWhatsApp(contactId, phone, [30]);
    const activities = createActivities({ store: stack.store, providers: { sandbox: createSandboxProvider(stack.store) }, logger: pino({ level: 'silent' }) });
    const input = {
      journeyId: 'journey:best-retry:x',
      firstRunId: `run-${contactId}`,
      flowId: 'best-retry',
      nodeId: 'nudge',
      visit: 1,
      contactId,
      channel: 'best' as const,
      bestChannel: { defaultChannel: null, lastReplyChannel: null, triggerChannel: 'voice' as const },
      template: 'Still there?',
      context: {},
    };

    const first = await activities.sendMessage(input);
    // Two quick SMS replies would now outrank WhatsApp, but this visit's channel is chosen.
    for (const index of [1, 2]) {
      await appendTimelineEvent(stack.store, { _id: `sandbox:sms-${contactId}-${index}`, contactId, at: new Date(), channel: 'sms', direction: 'inbound', kind: 'message', from: phone });
    }
    const retried = await activities.sendMessage(input);

    expect(first).toMatchObject({ status: 'sent', channel: 'whatsapp' });
    expect(retried).toEqual(first);
    expect((await bestChannelDecisions(contactId)).map((decision) => decision.body)).toEqual(['best channel whatsapp: replied there once, median 30 s']);
    const sends = await stack.store.sandboxMessages.find({ to: phone }).lean();
    expect(sends.map((send) => [send.channel, send.providerCalls])).toEqual([['whatsapp', 1]]);
  });
});
