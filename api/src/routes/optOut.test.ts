import { WorkflowNotFoundError } from '@temporalio/client';
import { CURRENT_SCHEMA_VERSION } from '@threadline/flows';
import type { FlowDefinition } from '@threadline/flows/types';
import { journeyWorkflowId } from '@threadline/worker/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiUnderTest, type ApiUnderTest } from '../testing/startApiUnderTest';
import { eventually } from '../testing/eventually';

/** order.placed thanks the contact, waits for order.shipped, then tells them it shipped. */
const orderUpdates: FlowDefinition = {
  schemaVersion: CURRENT_SCHEMA_VERSION,
  id: 'order-updates',
  name: 'Order updates',
  nodes: [
    { id: 'placed', type: 'trigger.event', config: { event: 'order.placed', payload: [] } },
    { id: 'thank', type: 'send', config: { channel: 'sms', template: 'Thanks for your order', mediaUrls: [], whatsappTemplateVariables: [] } },
    { id: 'wait_shipped', type: 'waitForEvent', config: { event: 'order.shipped', timeout: '1h' } },
    { id: 'shipped', type: 'send', config: { channel: 'sms', template: 'Your order shipped', mediaUrls: [], whatsappTemplateVariables: [] } },
    { id: 'end_told', type: 'end', config: { outcome: 'told', returns: [] } },
    { id: 'end_blocked', type: 'end', config: { outcome: 'blocked', returns: [] } },
    { id: 'end_other', type: 'end', config: { outcome: 'other', returns: [] } },
  ],
  edges: [
    { from: 'placed', output: 'next', to: 'thank' },
    { from: 'thank', output: 'sent', to: 'wait_shipped' },
    { from: 'thank', output: 'failed', to: 'end_other' },
    { from: 'thank', output: 'blocked', to: 'end_blocked' },
    { from: 'wait_shipped', output: 'received', to: 'shipped' },
    { from: 'wait_shipped', output: 'timeout', to: 'end_other' },
    { from: 'shipped', output: 'sent', to: 'end_told' },
    { from: 'shipped', output: 'failed', to: 'end_other' },
    { from: 'shipped', output: 'blocked', to: 'end_blocked' },
  ],
  layout: {},
};

/** Any SMS starts it: a keyword must not. */
const smsAutoReply: FlowDefinition = {
  schemaVersion: CURRENT_SCHEMA_VERSION,
  id: 'sms-auto-reply',
  name: 'SMS auto reply',
  nodes: [
    { id: 'inbound', type: 'trigger.inboundMessage', config: { channels: ['sms'] } },
    { id: 'answer', type: 'send', config: { channel: 'sms', template: 'We got your message', mediaUrls: [], whatsappTemplateVariables: [] } },
    { id: 'done', type: 'end', config: { outcome: 'answered', returns: [] } },
  ],
  edges: [
    { from: 'inbound', output: 'next', to: 'answer' },
    { from: 'answer', output: 'sent', to: 'done' },
    { from: 'answer', output: 'failed', to: 'done' },
    { from: 'answer', output: 'blocked', to: 'done' },
  ],
  layout: {},
};

const UNSUBSCRIBED = "You're unsubscribed and will get no more messages here. Reply START to resubscribe.";
const RESUBSCRIBED = "You're resubscribed. Reply STOP to unsubscribe.";
const HELP = 'Reply STOP to unsubscribe. Msg & data rates may apply.';

let api: ApiUnderTest;

beforeAll(async () => {
  api = await startApiUnderTest({ worker: true });
  for (const flow of [orderUpdates, smsAutoReply]) {
    const created = await api.call('POST', '/api/flows', { name: flow.name, id: flow.id, definition: flow });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const published = await api.call('POST', `/api/flows/${flow.id}/publish`);
    expect(published.status, JSON.stringify(published.body)).toBe(201);
  }
}, 180_000);

afterAll(async () => {
  await api?.stop();
});

const call: ApiUnderTest['call'] = (method, url, payload) => api.call(method, url, payload);

async function sentTo(phone: string): Promise<string[]> {
  const sent = await call('GET', `/api/sandbox/messages?to=${encodeURIComponent(phone)}`);
  return sent.body.messages.map((message: { body: string }) => message.body);
}

async function optOutsOf(contactId: string): Promise<string[]> {
  return (await call('GET', `/api/contacts/${contactId}`)).body.contact.optOuts;
}

async function decisionsOf(contactId: string): Promise<string[]> {
  const timeline = await call('GET', `/api/contacts/${contactId}/timeline`);
  return timeline.body.events.filter((event: { kind: string }) => event.kind === 'decision').map((event: { body: string }) => event.body);
}

function text(from: string, body: string, messageId: string, channel: 'sms' | 'whatsapp' = 'sms') {
  return call('POST', '/api/sandbox/messages', { channel, from, text: body, messageId });
}

async function signalCount(workflowId: string): Promise<number> {
  const history = await api.temporal.workflow.getHandle(workflowId).fetchHistory();
  return (history.events ?? []).filter((event) => event.workflowExecutionSignaledEventAttributes).length;
}

async function journeyExists(workflowId: string): Promise<boolean> {
  try {
    await api.temporal.workflow.getHandle(workflowId).describe();
    return true;
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return false;
    throw error;
  }
}

describe('STOP, START and HELP on SMS', () => {
  const phone = '+14155550601';
  let contactId: string;

  it('STOP opts the contact out of sms, says so on the timeline, confirms once, starts and feeds no journey, and blocks the waiting journey\'s next send', async () => {
    const placed = await call('POST', '/api/events', { name: 'order.placed', contact: { phone } });
    expect(placed.status, JSON.stringify(placed.body)).toBe(200);
    contactId = placed.body.contactId;
    const journeyId = journeyWorkflowId(orderUpdates.id, contactId);
    await eventually(async () => {
      const journey = (await call('GET', `/api/journeys/${encodeURIComponent(journeyId)}`)).body.journey;
      return journey?.pendingWait ? journey : undefined;
    }, 'the journey to wait for order.shipped');
    expect(await sentTo(phone)).toEqual(['Thanks for your order']);
    const signalsBefore = await signalCount(journeyId);

    const stop = await text('(415) 555-0601', '  Stop! ', 'stop-1');
    expect(stop.status, JSON.stringify(stop.body)).toBe(200);
    expect(stop.body).toEqual({
      eventId: 'sandbox:stop-1',
      contactId,
      duplicate: false,
      journeys: [],
      subscription: { action: 'optOut', keyword: 'STOP', optOuts: ['sms'] },
    });
    expect(await optOutsOf(contactId)).toEqual(['sms']);
    expect(await decisionsOf(contactId)).toEqual(['opted out of sms (STOP)']);
    expect(await sentTo(phone)).toEqual(['Thanks for your order', UNSUBSCRIBED]);
    // Not a reply for the waiting journey, and not the start of the any-SMS flow.
    expect(await signalCount(journeyId)).toBe(signalsBefore);
    expect(await journeyExists(journeyWorkflowId(smsAutoReply.id, contactId))).toBe(false);

    const shipped = await call('POST', '/api/events', { name: 'order.shipped', contact: { id: contactId } });
    expect(shipped.body.journeys).toEqual([journeyId]);
    const finished = await api.temporal.workflow.getHandle(journeyId).result();
    expect(finished).toMatchObject({ outcome: 'blocked', path: ['placed', 'thank', 'wait_shipped', 'shipped', 'end_blocked'] });
    expect(await sentTo(phone)).toEqual(['Thanks for your order', UNSUBSCRIBED]);
    expect(await decisionsOf(contactId)).toEqual(['opted out of sms (STOP)', 'sms send blocked: the contact opted out of sms']);
  });

  it('a provider retry of the same STOP changes nothing and confirms nothing again', async () => {
    const retry = await text(phone, 'STOP', 'stop-1');
    expect(retry.body).toMatchObject({ eventId: 'sandbox:stop-1', contactId, duplicate: true, journeys: [] });
    expect(await sentTo(phone)).toEqual(['Thanks for your order', UNSUBSCRIBED]);
    const confirmation = await api.store.sandboxMessages.findById('reply:sandbox:stop-1').lean();
    expect(confirmation?.providerCalls).toBe(1);
    expect(await decisionsOf(contactId)).toHaveLength(2);
    expect(await optOutsOf(contactId)).toEqual(['sms']);
  });

  it('START resubscribes the contact and confirms it', async () => {
    const start = await text(phone, 'start', 'start-1');
    expect(start.body).toMatchObject({ duplicate: false, journeys: [], subscription: { action: 'optIn', keyword: 'START', optOuts: [] } });
    expect(await optOutsOf(contactId)).toEqual([]);
    expect((await decisionsOf(contactId)).at(-1)).toBe('opted back in to sms (START)');
    expect((await sentTo(phone)).at(-1)).toBe(RESUBSCRIBED);
  });

  it('HELP answers with the help text and changes nothing', async () => {
    const decisionsBefore = await decisionsOf(contactId);
    const help = await text(phone, 'Help', 'help-1');
    expect(help.body).toMatchObject({ duplicate: false, journeys: [], subscription: { action: 'help', keyword: 'HELP', optOuts: [] } });
    expect(await optOutsOf(contactId)).toEqual([]);
    expect(await decisionsOf(contactId)).toEqual(decisionsBefore);
    expect((await sentTo(phone)).at(-1)).toBe(HELP);
  });

  it('"stop please" is an ordinary message: it starts the any-SMS flow and opts out of nothing', async () => {
    const ordinary = await text(phone, 'stop please', 'ordinary-1');
    const autoReplyId = journeyWorkflowId(smsAutoReply.id, contactId);
    expect(ordinary.body).toEqual({ eventId: 'sandbox:ordinary-1', contactId, duplicate: false, journeys: [autoReplyId] });
    await api.temporal.workflow.getHandle(autoReplyId).result();
    expect(await optOutsOf(contactId)).toEqual([]);
    expect((await sentTo(phone)).at(-1)).toBe('We got your message');
  });
});

describe('STOP on WhatsApp', () => {
  it('opts out of whatsapp only, and the timeline keeps the message itself', async () => {
    const stop = await text('whatsapp:+14155550602', 'UNSUBSCRIBE', 'wamid-stop', 'whatsapp');
    const { contactId } = stop.body;
    expect(stop.body.subscription).toEqual({ action: 'optOut', keyword: 'UNSUBSCRIBE', optOuts: ['whatsapp'] });
    expect(await optOutsOf(contactId)).toEqual(['whatsapp']);
    const timeline = (await call('GET', `/api/contacts/${contactId}/timeline`)).body.events;
    expect(timeline.map((event: { kind: string; direction: string; body: string }) => [event.direction, event.kind, event.body])).toEqual([
      ['inbound', 'message', 'UNSUBSCRIBE'],
      ['internal', 'decision', 'opted out of whatsapp (UNSUBSCRIBE)'],
      ['outbound', 'message', UNSUBSCRIBED],
    ]);
    const sent = await call('GET', '/api/sandbox/messages?to=%2B14155550602&channel=whatsapp');
    expect(sent.body.messages).toEqual([expect.objectContaining({ channel: 'whatsapp', body: UNSUBSCRIBED })]);
  });
});
