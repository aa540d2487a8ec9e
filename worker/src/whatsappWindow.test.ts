/**
 * WhatsApp's 24-hour window at run time, on the time-skipping server with real FerretDB: a send
 * node goes free-form while the contact's last WhatsApp message is less than 24 hours old, as
 * its approved template outside that window, and is blocked without one — before any provider
 * is called. The window runs from what the contact last wrote (store/whatsappWindows.ts).
 */
import { CURRENT_SCHEMA_VERSION } from '@threadline/flows';
import type { FlowDefinition, FlowNodeOf } from '@threadline/flows/types';
import { describe, expect, it } from 'vitest';
import { OUTSIDE_WINDOW_NO_TEMPLATE } from './activities/whatsappWindow';
import { createSandboxProvider, type ChannelProvider, type OutboundMessage } from './channels';
import { INBOUND_EVENT_SIGNAL, type InboundEvent, type JourneyState } from './journeys/contract';
import {
  businessEvent,
  HOUR,
  leadJourney,
  newLead,
  replyFrom,
  runToEnd,
  traceOf,
  useLibraryHarness,
  waitingAt,
  withSkippingWorker,
  type Lead,
} from './library/libraryJourneyHarness';
import { noteInboundWhatsapp } from './store';

const harness = useLibraryHarness('threadline_whatsapp_window');

const orderDelayed = { name: 'order_delayed', variables: ['{{ trigger.data.orderId }}', '{{ trigger.data.newEta }}'] };

function whatsappSend(id: string, template: string, withTemplate: boolean, variables = orderDelayed.variables): FlowNodeOf<'send'> {
  return {
    id,
    type: 'send',
    config: {
      channel: 'whatsapp',
      template,
      mediaUrls: [],
      ...(withTemplate ? { whatsappTemplate: orderDelayed.name } : {}),
      whatsappTemplateVariables: withTemplate ? variables : [],
    },
  };
}

const orderPayload = [
  { name: 'orderId', type: 'string', required: true },
  { name: 'newEta', type: 'string', required: true },
] as const satisfies FlowNodeOf<'trigger.event'>['config']['payload'];

const ends = [
  { id: 'end_sent', type: 'end', config: { outcome: 'sent', returns: [] } },
  { id: 'end_failed', type: 'end', config: { outcome: 'failed', returns: [] } },
  { id: 'end_blocked', type: 'end', config: { outcome: 'blocked', returns: [] } },
] as const satisfies FlowDefinition['nodes'];

/** An order-delay event answered with one WhatsApp send, with or without the approved template. */
function oneSendFlow(withTemplate: boolean, variables = orderDelayed.variables): FlowDefinition {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id: withTemplate ? 'wa-window-template' : 'wa-window-free-form',
    name: 'Order delay on WhatsApp',
    nodes: [
      { id: 'order_delayed', type: 'trigger.event', config: { event: 'order.delayed', payload: orderPayload } },
      whatsappSend('tell', 'Your order {{ trigger.data.orderId }} now arrives {{ trigger.data.newEta }}.', withTemplate, variables),
      ...ends,
    ],
    edges: [
      { from: 'order_delayed', output: 'next', to: 'tell' },
      { from: 'tell', output: 'sent', to: 'end_sent' },
      { from: 'tell', output: 'failed', to: 'end_failed' },
      { from: 'tell', output: 'blocked', to: 'end_blocked' },
    ],
    layout: {},
  };
}

/**
 * Tells the contact (outside the window: the template), waits for their WhatsApp reply, answers
 * it free-form, and a day and an hour later follows up: by then the window has closed again.
 */
const conversationFlow: FlowDefinition = {
  schemaVersion: CURRENT_SCHEMA_VERSION,
  id: 'wa-window-conversation',
  name: 'Order delay conversation',
  nodes: [
    { id: 'order_delayed', type: 'trigger.event', config: { event: 'order.delayed', payload: orderPayload } },
    whatsappSend('tell', 'Your order {{ trigger.data.orderId }} now arrives {{ trigger.data.newEta }}.', true),
    { id: 'wait_reply', type: 'waitForReply', config: { channels: ['whatsapp'], timeout: '3d', maxReprompts: 0 } },
    whatsappSend('answer', 'Thanks for "{{ reply.text }}". We will keep you posted.', true),
    { id: 'wait_a_day', type: 'delay', config: { duration: '25h' } },
    whatsappSend('follow_up', 'Your order {{ trigger.data.orderId }} is on its way.', true),
    ...ends,
  ],
  edges: [
    { from: 'order_delayed', output: 'next', to: 'tell' },
    { from: 'tell', output: 'sent', to: 'wait_reply' },
    { from: 'tell', output: 'failed', to: 'end_failed' },
    { from: 'tell', output: 'blocked', to: 'end_blocked' },
    { from: 'wait_reply', output: 'replied', to: 'answer' },
    { from: 'wait_reply', output: 'timeout', to: 'end_blocked' },
    { from: 'answer', output: 'sent', to: 'wait_a_day' },
    { from: 'answer', output: 'failed', to: 'end_failed' },
    { from: 'answer', output: 'blocked', to: 'end_blocked' },
    { from: 'wait_a_day', output: 'next', to: 'follow_up' },
    { from: 'follow_up', output: 'sent', to: 'end_sent' },
    { from: 'follow_up', output: 'failed', to: 'end_failed' },
    { from: 'follow_up', output: 'blocked', to: 'end_blocked' },
  ],
  layout: {},
};

const orderEvent = (lead: Lead) => businessEvent(lead, 'order.delayed', { orderId: '1234', newEta: 'Friday' });

/** The sandbox, counting the sends it is asked to make. */
function countingSandbox(): { provider: ChannelProvider; calls: OutboundMessage[] } {
  const sandbox = createSandboxProvider(harness.store);
  const calls: OutboundMessage[] = [];
  return {
    calls,
    provider: {
      ...sandbox,
      async send(message) {
        calls.push(message);
        return sandbox.send(message);
      },
    },
  };
}

async function runOnce(flow: FlowDefinition, lead: Lead, provider: ChannelProvider): Promise<JourneyState> {
  const { final } = await runToEnd(harness, leadJourney(flow, lead, orderEvent(lead)), { providers: { sandbox: provider } });
  return final;
}

/** What the sandbox recorded for the lead's number, oldest first. */
async function sandboxSends(lead: Lead) {
  const sends = await harness.store.sandboxMessages.find({ to: lead.phone }).sort({ at: 1 }).lean();
  return sends.map((send) => ({
    body: send.body,
    whatsappTemplate: send.whatsappTemplate ? { name: send.whatsappTemplate.name, language: send.whatsappTemplate.language, variables: send.whatsappTemplate.variables ?? [] } : null,
    providerCalls: send.providerCalls,
  }));
}

/** The contact's timeline entries written by the sends: messages out and decisions, as node → body. */
async function sendEntries(lead: Lead): Promise<Array<[string | null | undefined, string, string | null | undefined]>> {
  const entries = await harness.store.timeline.find({ contactId: lead.contactId, kind: { $in: ['message', 'decision'] } }).sort({ at: 1 }).lean();
  return entries.map((entry) => [entry.nodeId, entry.kind, entry.body]);
}

const serverNow = async () => new Date(await harness.env.currentTimeMs());

describe('a WhatsApp send and the 24-hour window', () => {
  it('goes free-form to a contact who wrote on WhatsApp less than 24 hours ago, even with a template set', async () => {
    const lead = await newLead(harness.store, '601');
    await noteInboundWhatsapp(harness.store, lead.phone, new Date((await serverNow()).getTime() - 2 * HOUR));
    const sandbox = countingSandbox();

    const final = await runOnce(oneSendFlow(true), lead, sandbox.provider);

    expect(final).toMatchObject({ status: 'completed', outcome: 'sent' });
    expect(await sandboxSends(lead)).toEqual([{ body: 'Your order 1234 now arrives Friday.', whatsappTemplate: null, providerCalls: 1 }]);
    expect(sandbox.calls.map((call) => call.whatsappTemplate)).toEqual([undefined]);
    expect(traceOf(final)[1]).toEqual(['tell', 'sent on whatsapp']);
  });

  it('goes as the approved template, its variables rendered, when the contact last wrote 25 hours ago: the sandbox and the timeline show it', async () => {
    const lead = await newLead(harness.store, '602');
    await noteInboundWhatsapp(harness.store, lead.phone, new Date((await serverNow()).getTime() - 25 * HOUR));
    const sandbox = countingSandbox();

    const final = await runOnce(oneSendFlow(true), lead, sandbox.provider);

    expect(final).toMatchObject({ status: 'completed', outcome: 'sent', nodes: { tell: { status: 'sent', whatsappTemplate: 'order_delayed' } } });
    const template = { name: 'order_delayed', language: 'en', variables: ['1234', 'Friday'] };
    expect(sandbox.calls.map((call) => call.whatsappTemplate)).toEqual([template]);
    expect(await sandboxSends(lead)).toEqual([{ body: 'template order_delayed (en): 1234, Friday', whatsappTemplate: template, providerCalls: 1 }]);
    expect(await sendEntries(lead)).toEqual([['tell', 'message', 'template order_delayed (en): 1234, Friday']]);
    expect(traceOf(final)[1]).toEqual(['tell', 'sent on whatsapp as template order_delayed']);
  });

  it('is blocked, without calling the provider, for a contact who never wrote on WhatsApp when the node has no template', async () => {
    const lead = await newLead(harness.store, '603');
    const sandbox = countingSandbox();

    const final = await runOnce(oneSendFlow(false), lead, sandbox.provider);

    expect(final).toMatchObject({ status: 'completed', outcome: 'blocked', path: ['order_delayed', 'tell', 'end_blocked'] });
    expect(sandbox.calls).toEqual([]);
    expect(await sandboxSends(lead)).toEqual([]);
    expect(OUTSIDE_WINDOW_NO_TEMPLATE).toBe("outside WhatsApp's 24-hour window and no template set");
    expect(await sendEntries(lead)).toEqual([['tell', 'decision', "whatsapp send blocked: outside WhatsApp's 24-hour window and no template set"]]);
    expect(traceOf(final)[1]).toEqual(['tell', "blocked: outside WhatsApp's 24-hour window and no template set"]);
    const outbox = await harness.store.outbox.find({ contactId: lead.contactId }).lean();
    expect(outbox.map((entry) => [entry.nodeId, entry.status, entry.reason])).toEqual([['tell', 'blocked', OUTSIDE_WINDOW_NO_TEMPLATE]]);
  });

  // Validation refuses such a template when the flow is published; the worker still says which.
  it('fails, naming the variable, when a template variable does not render, and calls no provider', async () => {
    const lead = await newLead(harness.store, '605');
    const sandbox = countingSandbox();

    const final = await runOnce(oneSendFlow(true, ['{{ trigger.data.orderId }}', '{{ trigger.data.newEta | nosuchfilter }}']), lead, sandbox.provider);

    expect(final).toMatchObject({ status: 'completed', outcome: 'failed', path: ['order_delayed', 'tell', 'end_failed'] });
    expect(sandbox.calls).toEqual([]);
    expect(traceOf(final)[1]?.[1]).toMatch(/^failed: the WhatsApp template does not render: variable \{\{2\}\} of order_delayed: .*nosuchfilter/);
  });

  it('reopens when the contact replies on WhatsApp mid-journey, and closes again 24 hours after that reply', async () => {
    const lead = await newLead(harness.store, '604');
    const sandbox = countingSandbox();

    const final = await withSkippingWorker(harness, { providers: { sandbox: sandbox.provider } }, async (start) => {
      const handle = await start(leadJourney(conversationFlow, lead, orderEvent(lead)));
      await waitingAt(handle, 'wait_reply');
      await handle.signal<[InboundEvent]>(INBOUND_EVENT_SIGNAL, await replyFrom(harness, lead, 'whatsapp', 'Friday is fine'));
      return (await handle.result()) as JourneyState;
    });

    expect(final).toMatchObject({ status: 'completed', outcome: 'sent', path: ['order_delayed', 'tell', 'wait_reply', 'answer', 'wait_a_day', 'follow_up', 'end_sent'] });
    const template = { name: 'order_delayed', language: 'en', variables: ['1234', 'Friday'] };
    expect(sandbox.calls.map((call) => [call.body, call.whatsappTemplate])).toEqual([
      ['template order_delayed (en): 1234, Friday', template],
      ['Thanks for "Friday is fine". We will keep you posted.', undefined],
      ['template order_delayed (en): 1234, Friday', template],
    ]);
    expect(traceOf(final).filter(([nodeId]) => ['tell', 'answer', 'follow_up'].includes(nodeId))).toEqual([
      ['tell', 'sent on whatsapp as template order_delayed'],
      ['answer', 'sent on whatsapp'],
      ['follow_up', 'sent on whatsapp as template order_delayed'],
    ]);
  });
});
