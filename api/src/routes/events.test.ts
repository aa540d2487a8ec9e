import { CURRENT_SCHEMA_VERSION } from '@threadline/flows';
import type { FlowDefinition } from '@threadline/flows/types';
import { INBOUND_EVENT_SIGNAL, journeyWorkflowId, type InboundEvent } from '@threadline/worker/contract';
import { journeyStartOptions } from '@threadline/worker/start';
import { resolveContact } from '@threadline/worker/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiUnderTest, type ApiUnderTest } from '../testing/startApiUnderTest';
import { eventually } from '../testing/eventually';

/**
 * payment.due starts a reminder that quotes the amount from the event's data, then waits for
 * payment.received and thanks the contact with the amount paid.
 */
const paymentReminder: FlowDefinition = {
  schemaVersion: CURRENT_SCHEMA_VERSION,
  id: 'payment-reminder',
  name: 'Payment reminder',
  nodes: [
    {
      id: 'payment_due',
      type: 'trigger.event',
      config: { event: 'payment.due', payload: [{ name: 'amountDue', type: 'number', required: true }, { name: 'invoice', type: 'string', required: false }] },
    },
    {
      id: 'remind',
      type: 'send',
      config: { channel: 'sms', template: 'You owe ${{ trigger.data.amountDue }} ({{ trigger.event }})', mediaUrls: [], whatsappTemplateVariables: [] },
    },
    { id: 'wait_paid', type: 'waitForEvent', config: { event: 'payment.received', timeout: '1h' } },
    {
      id: 'thank',
      type: 'send',
      config: { channel: 'sms', template: 'Thanks for paying ${{ nodes.wait_paid.event.data.amount }}', mediaUrls: [], whatsappTemplateVariables: [] },
    },
    { id: 'end_paid', type: 'end', config: { outcome: 'paid', returns: [] } },
    { id: 'end_unpaid', type: 'end', config: { outcome: 'unpaid', returns: [] } },
  ],
  edges: [
    { from: 'payment_due', output: 'next', to: 'remind' },
    { from: 'remind', output: 'sent', to: 'wait_paid' },
    { from: 'remind', output: 'failed', to: 'end_unpaid' },
    { from: 'remind', output: 'blocked', to: 'end_unpaid' },
    { from: 'wait_paid', output: 'received', to: 'thank' },
    { from: 'wait_paid', output: 'timeout', to: 'end_unpaid' },
    { from: 'thank', output: 'sent', to: 'end_paid' },
    { from: 'thank', output: 'failed', to: 'end_paid' },
    { from: 'thank', output: 'blocked', to: 'end_paid' },
  ],
  layout: {},
};

/** lead.created waits one second for booking.created: the wait's timeout path. */
const bookingNudge: FlowDefinition = {
  schemaVersion: CURRENT_SCHEMA_VERSION,
  id: 'booking-nudge',
  name: 'Booking nudge',
  nodes: [
    { id: 'lead_created', type: 'trigger.event', config: { event: 'lead.created', payload: [] } },
    { id: 'wait_booking', type: 'waitForEvent', config: { event: 'booking.created', timeout: '1s' } },
    { id: 'end_booked', type: 'end', config: { outcome: 'booked', returns: [] } },
    { id: 'end_no_booking', type: 'end', config: { outcome: 'noBooking', returns: [] } },
  ],
  edges: [
    { from: 'lead_created', output: 'next', to: 'wait_booking' },
    { from: 'wait_booking', output: 'received', to: 'end_booked' },
    { from: 'wait_booking', output: 'timeout', to: 'end_no_booking' },
  ],
  layout: {},
};

let api: ApiUnderTest;

beforeAll(async () => {
  api = await startApiUnderTest({ worker: true });
  for (const flow of [paymentReminder, bookingNudge]) {
    const created = await call('POST', '/api/flows', { name: flow.name, id: flow.id, definition: flow });
    expect(created.status).toBe(201);
    const published = await call('POST', `/api/flows/${flow.id}/publish`);
    expect(published.status, JSON.stringify(published.body)).toBe(201);
  }
}, 180_000);

afterAll(async () => {
  await api?.stop();
});

const call: ApiUnderTest['call'] = (method, url, payload) => api.call(method, url, payload);

const reminderOf = (contactId: string) => journeyWorkflowId(paymentReminder.id, contactId);

async function sentTo(phone: string): Promise<string[]> {
  const sent = await call('GET', `/api/sandbox/messages?to=${encodeURIComponent(phone)}`);
  return sent.body.messages.map((message: { body: string }) => message.body);
}

async function journeyOf(journeyId: string) {
  const described = await call('GET', `/api/journeys/${encodeURIComponent(journeyId)}`);
  expect(described.status).toBe(200);
  return described.body.journey;
}

describe('POST /api/events', () => {
  it('answers 400 naming the JSON path of what is wrong', async () => {
    const cases: Array<[unknown, string]> = [
      [{ contact: { phone: '+14155550300' } }, 'body.name'],
      [{ name: 'payment due', contact: { phone: '+14155550300' } }, 'body.name'],
      [{ name: 'payment.due' }, 'body.contact'],
      [{ name: 'payment.due', contact: {} }, 'body.contact'],
      [{ name: 'payment.due', contact: { phone: '+14155550300' }, data: [1, 2] }, 'body.data'],
      [{ name: 'payment.due', contact: { phone: '+14155550300' }, at: 'yesterday' }, 'body.at'],
      [{ name: 'payment.due', contact: { phone: '+14155550300' }, eventId: 'has spaces' }, 'body.eventId'],
    ];
    for (const [body, path] of cases) {
      const response = await call('POST', '/api/events', body);
      expect({ body, status: response.status, path: response.body.error?.path }).toEqual({ body, status: 400, path });
    }
    const badPhone = await call('POST', '/api/events', { name: 'payment.due', contact: { phone: 'call me' } });
    expect(badPhone).toMatchObject({ status: 400, body: { error: { code: 'invalid-address', path: 'body.contact.phone' } } });
    const badEmail = await call('POST', '/api/events', { name: 'lead.created', contact: { email: 'nobody' } });
    expect(badEmail).toMatchObject({ status: 400, body: { error: { code: 'invalid-address', path: 'body.contact.email' } } });
    const unknownContact = await call('POST', '/api/events', { name: 'lead.created', contact: { id: 'c_nobody' } });
    expect(unknownContact).toMatchObject({ status: 404, body: { error: { path: 'body.contact.id' } } });
  });

  it('refuses an event that lacks a field its flow\'s trigger requires with a 422, and writes nothing', async () => {
    const phone = '+14155550301';
    const response = await call('POST', '/api/events', { eventId: 'inv-missing', name: 'payment.due', contact: { phone }, data: { invoice: 'INV-1' } });
    expect(response.status).toBe(422);
    expect(response.body.error).toMatchObject({ code: 'invalid-event-payload', path: 'body.data.amountDue', nodeId: 'payment_due' });
    expect(response.body.error.message).toContain('payment-reminder');

    const lookup = await call('GET', `/api/contacts/lookup?channel=sms&address=${encodeURIComponent(phone)}`);
    expect(lookup.status).toBe(404);
    expect(await api.store.timeline.findById('api:inv-missing').lean()).toBeNull();

    const mistyped = await call('POST', '/api/events', { name: 'payment.due', contact: { phone }, data: { amountDue: 'lots' } });
    expect(mistyped).toMatchObject({ status: 422, body: { error: { path: 'body.data.amountDue' } } });
  });

  it('starts the payment.due flow with the event\'s data in trigger.data, and creates the contact from the phone', async () => {
    const phone = '+14155550302';
    const response = await call('POST', '/api/events', {
      eventId: 'inv-302',
      name: 'payment.due',
      contact: { phone: '(415) 555-0302' },
      data: { amountDue: 120 },
      at: '2026-03-01T09:00:00Z',
    });
    expect(response.status).toBe(200);
    const { contactId } = response.body;
    expect(response.body).toEqual({ eventId: 'api:inv-302', contactId: expect.stringMatching(/^c_/), duplicate: false, journeys: [reminderOf(contactId)] });

    expect(await eventually(async () => (await sentTo(phone)).find((body) => body.includes('$120')), 'the reminder')).toBe('You owe $120 (payment.due)');

    const timeline = await call('GET', `/api/contacts/${contactId}/timeline`);
    expect(timeline.body.events).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'api:inv-302', kind: 'event', direction: 'inbound', body: 'payment.due', at: '2026-03-01T09:00:00.000Z', deliveredAt: expect.any(String) }),
      ]),
    );
  });

  it('treats a retry with the same eventId as a duplicate that changes nothing', async () => {
    const first = await call('POST', '/api/events', { eventId: 'inv-303', name: 'payment.due', contact: { phone: '+14155550303' }, data: { amountDue: 40 } });
    expect(first.body.duplicate).toBe(false);
    const journeyId = reminderOf(first.body.contactId);
    await eventually(async () => ((await journeyOf(journeyId)).pendingWait ? true : undefined), 'the journey to wait');
    const before = await api.temporal.workflow.getHandle(journeyId).fetchHistory();

    const retry = await call('POST', '/api/events', { eventId: 'inv-303', name: 'payment.due', contact: { phone: '+14155550303' }, data: { amountDue: 40 } });
    expect(retry.body).toEqual({ eventId: 'api:inv-303', contactId: first.body.contactId, duplicate: true, journeys: [] });
    const after = await api.temporal.workflow.getHandle(journeyId).fetchHistory();
    expect(after.events?.length).toBe(before.events?.length);
    const timeline = await call('GET', `/api/contacts/${first.body.contactId}/timeline`);
    expect(timeline.body.events.filter((event: { kind: string }) => event.kind === 'event')).toHaveLength(1);
  });

  it('hands an event to the contact\'s waiting journey: another name leaves it waiting, the awaited one takes it to received', async () => {
    const phone = '+14155550304';
    const due = await call('POST', '/api/events', { name: 'payment.due', contact: { phone }, data: { amountDue: 75 } });
    const { contactId } = due.body;
    const journeyId = reminderOf(contactId);
    const waiting = await eventually(async () => {
      const journey = await journeyOf(journeyId);
      return journey.pendingWait ? journey : undefined;
    }, 'the journey to wait for payment.received');
    expect(waiting).toMatchObject({ journeyStatus: 'waiting', pendingWait: { nodeId: 'wait_paid', kind: 'event', event: 'payment.received', channels: [] } });

    // Found by its contact id this time; an event no node waits for leaves the journey where it is.
    const shipped = await call('POST', '/api/events', { name: 'order.shipped', contact: { id: contactId }, data: { carrier: 'UPS' } });
    expect(shipped.body).toMatchObject({ contactId, duplicate: false, journeys: [journeyId] });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await journeyOf(journeyId)).toMatchObject({ status: 'RUNNING', pendingWait: { nodeId: 'wait_paid' } });

    const paid = await call('POST', '/api/events', { name: 'payment.received', contact: { phone }, data: { amount: 75 } });
    expect(paid.body).toMatchObject({ contactId, journeys: [journeyId] });
    const finished = await api.temporal.workflow.getHandle(journeyId).result();
    expect(finished).toMatchObject({ status: 'completed', outcome: 'paid', path: ['payment_due', 'remind', 'wait_paid', 'thank', 'end_paid'] });
    expect(await sentTo(phone)).toEqual(['You owe $75 (payment.due)', 'Thanks for paying $75']);
  });

  it('does not lose an event posted while the journey is still sending, before it reaches the wait', async () => {
    const phone = '+14155550305';
    const due = await call('POST', '/api/events', { name: 'payment.due', contact: { phone }, data: { amountDue: 10 } });
    const paid = await call('POST', '/api/events', { name: 'payment.received', contact: { phone }, data: { amount: 10 } });
    const journeyId = reminderOf(due.body.contactId);
    expect(paid.body.journeys).toEqual([journeyId]);
    const finished = await api.temporal.workflow.getHandle(journeyId).result();
    expect(finished).toMatchObject({ outcome: 'paid' });
  });

  it('takes an event that was already in the journey\'s inbox when it reached the wait, without waiting', async () => {
    const phone = '+14155550306';
    const { contactId } = await resolveContact(api.store, { type: 'phone', value: phone });
    const at = new Date().toISOString();
    const due: InboundEvent = { eventId: 'api:inv-306', kind: 'event', channel: 'sms', from: phone, name: 'payment.due', data: { amountDue: 5 }, at };
    const paid: InboundEvent = { eventId: 'api:pay-306', kind: 'event', channel: 'sms', from: phone, name: 'payment.received', data: { amount: 5 }, at };
    // The start's own signal carries payment.received: it is buffered before the first node runs.
    const { workflowId, ...options } = journeyStartOptions(
      { flowId: paymentReminder.id, flowVersion: 1, contactId, definition: paymentReminder, triggerNodeId: 'payment_due', trigger: due },
      api.app.journeyRouting.taskQueue,
    );
    const handle = await api.temporal.workflow.signalWithStart(api.app.journeyRouting.workflowType, {
      workflowId,
      ...options,
      signal: INBOUND_EVENT_SIGNAL,
      signalArgs: [paid],
    });
    expect(await handle.result()).toMatchObject({ outcome: 'paid', path: ['payment_due', 'remind', 'wait_paid', 'thank', 'end_paid'] });
    const history = await handle.fetchHistory();
    expect((history.events ?? []).filter((event) => event.timerStartedEventAttributes)).toEqual([]);
    expect(await sentTo(phone)).toEqual(['You owe $5 (payment.due)', 'Thanks for paying $5']);
  });

  it('takes the timeout output when the awaited event never comes, and identifies the contact by email', async () => {
    const lead = await call('POST', '/api/events', { name: 'lead.created', contact: { email: 'Jane.Doe@Example.com' } });
    expect(lead.status).toBe(200);
    const journeyId = journeyWorkflowId(bookingNudge.id, lead.body.contactId);
    expect(lead.body.journeys).toEqual([journeyId]);
    const lookup = await call('GET', '/api/contacts/lookup?channel=email&address=jane.doe%40example.com');
    expect(lookup.body).toEqual({ contactId: lead.body.contactId });
    expect(await api.temporal.workflow.getHandle(journeyId).result()).toMatchObject({ outcome: 'noBooking', path: ['lead_created', 'wait_booking', 'end_no_booking'] });
  });
});
