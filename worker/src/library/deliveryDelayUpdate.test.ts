/**
 * The library's delivery-delay update end to end, on the time-skipping server with real
 * FerretDB: WhatsApp first, SMS when WhatsApp is blocked or failing.
 */
import { describe, expect, it } from 'vitest';
import { parseQuietHours } from '../activities';
import { createSandboxProvider, type ChannelProvider } from '../channels';
import { noteInboundWhatsapp, setChannelOptOut } from '../store';
import {
  businessEvent,
  HOUR,
  leadJourney,
  libraryFlow,
  localTime,
  newLead,
  replayAndMaybeRecord,
  runToEnd,
  sendsTo,
  summariesOf,
  traceOf,
  useLibraryHarness,
  zoneWhereItIs,
  type Lead,
  type SkippingWorkerOptions,
} from './libraryJourneyHarness';

const flow = libraryFlow('delivery-delay-update');
const delay = { orderId: 'NW-1042', newEta: 'Thursday between 9 and 12', trackingUrl: 'https://track.example.com/NW-1042' };
const whatsappText = `Hi Ada, your order NW-1042 is running late, sorry. It should now arrive Thursday between 9 and 12. Track it here: ${delay.trackingUrl}`;
const smsText = `Sorry, your order NW-1042 is running late. New delivery estimate: Thursday between 9 and 12. Track it: ${delay.trackingUrl}`;
/** Outside WhatsApp's 24-hour window the flow's approved template goes, its variables in order. */
const template = { name: 'delivery_delay_update', language: 'en', variables: ['Ada', 'NW-1042', 'Thursday between 9 and 12', delay.trackingUrl] };
const templateText = `template delivery_delay_update (en): Ada, NW-1042, Thursday between 9 and 12, ${delay.trackingUrl}`;
const harness = useLibraryHarness('threadline_library_delivery_delay');

const deliveryDelayed = (lead: Lead) => businessEvent(lead, 'delivery.delayed', delay);

async function run(lead: Lead, options: SkippingWorkerOptions = {}, timezone?: string) {
  return runToEnd(harness, leadJourney(flow, lead, deliveryDelayed(lead), timezone), options);
}

/** The WhatsApp templates the sandbox was given for the lead, oldest first. */
async function templatesSentTo(lead: Lead) {
  const sends = await harness.store.sandboxMessages.find({ to: lead.phone, channel: 'whatsapp' }).sort({ at: 1 }).lean();
  return sends.map((send) => (send.whatsappTemplate ? { name: send.whatsappTemplate.name, language: send.whatsappTemplate.language, variables: send.whatsappTemplate.variables ?? [] } : null));
}

describe('the delivery-delay update, as the library ships it', () => {
  it('tells a customer who has not written on WhatsApp in 24 hours with the approved template, once, its variables the order, the new estimate and the tracking link', async () => {
    const lead = await newLead(harness.store, '581');

    const { final, handle } = await run(lead);

    expect(final).toMatchObject({ status: 'completed', outcome: 'notified', path: ['delivery_delayed', 'whatsapp_update', 'end_notified'] });
    expect(await sendsTo(harness.store, lead)).toEqual([{ channel: 'whatsapp', subject: null, body: templateText, providerCalls: 1 }]);
    expect(await templatesSentTo(lead)).toEqual([template]);
    const timeline = await harness.store.timeline.find({ contactId: lead.contactId, kind: 'message' }).lean();
    expect(timeline.map((entry) => [entry.direction, entry.channel, entry.body])).toEqual([['outbound', 'whatsapp', templateText]]);
    expect(traceOf(final)).toEqual([
      ['delivery_delayed', 'event delivery.delayed'],
      ['whatsapp_update', 'sent on whatsapp as template delivery_delay_update'],
      ['end_notified', 'outcome notified'],
    ]);
    expect(await summariesOf(handle)).toEqual([
      `Delivery delay update v1 · ${lead.contactId} · event delivery.delayed`,
      'send whatsapp: Hi {{ contact.firstName |…',
      'end: notified',
    ]);
    await replayAndMaybeRecord(harness, handle, 'delivery-delay-whatsapp');
  });

  it('writes the update free-form to a customer who wrote on WhatsApp in the last 24 hours', async () => {
    const lead = await newLead(harness.store, '586');
    await noteInboundWhatsapp(harness.store, lead.phone, new Date((await harness.env.currentTimeMs()) - 3 * HOUR));

    const { final } = await run(lead);

    expect(final).toMatchObject({ outcome: 'notified', path: ['delivery_delayed', 'whatsapp_update', 'end_notified'] });
    expect(await sendsTo(harness.store, lead)).toEqual([{ channel: 'whatsapp', subject: null, body: whatsappText, providerCalls: 1 }]);
    expect(await templatesSentTo(lead)).toEqual([null]);
    expect(traceOf(final)[1]).toEqual(['whatsapp_update', 'sent on whatsapp']);
  });

  it('falls back to SMS for a customer who opted out of WhatsApp', async () => {
    const lead = await newLead(harness.store, '582');
    await setChannelOptOut(harness.store, lead.contactId, 'whatsapp', true);

    const { final } = await run(lead);

    expect(final).toMatchObject({ outcome: 'notifiedBySms', path: ['delivery_delayed', 'whatsapp_update', 'sms_update', 'end_notified_by_sms'] });
    expect(await sendsTo(harness.store, lead)).toEqual([{ channel: 'sms', subject: null, body: smsText, providerCalls: 1 }]);
    expect(traceOf(final)[1]).toEqual(['whatsapp_update', 'blocked: the contact opted out of whatsapp']);
  });

  it('falls back to SMS when the WhatsApp provider keeps failing, after the send\'s retries', async () => {
    const lead = await newLead(harness.store, '583');
    const sandbox = createSandboxProvider(harness.store);
    let whatsappCalls = 0;
    const whatsappDown: ChannelProvider = {
      ...sandbox,
      async send(message) {
        if (message.channel !== 'whatsapp') return sandbox.send(message);
        whatsappCalls += 1;
        throw new Error('WhatsApp Business API: 503 service unavailable');
      },
    };

    const { final } = await run(lead, { providers: { sandbox: whatsappDown } });

    expect(final).toMatchObject({ outcome: 'notifiedBySms', path: ['delivery_delayed', 'whatsapp_update', 'sms_update', 'end_notified_by_sms'] });
    expect(whatsappCalls).toBeGreaterThan(1);
    expect(await sendsTo(harness.store, lead)).toEqual([{ channel: 'sms', subject: null, body: smsText, providerCalls: 1 }]);
    expect(traceOf(final)[1]).toEqual(['whatsapp_update', 'failed: WhatsApp Business API: 503 service unavailable']);
  });

  it('ends blocked, sending nothing, for a customer who opted out of both', async () => {
    const lead = await newLead(harness.store, '584');
    await setChannelOptOut(harness.store, lead.contactId, 'whatsapp', true);
    await setChannelOptOut(harness.store, lead.contactId, 'sms', true);

    const { final } = await run(lead);

    expect(final).toMatchObject({ outcome: 'blocked', path: ['delivery_delayed', 'whatsapp_update', 'sms_update', 'end_blocked'] });
    expect(await sendsTo(harness.store, lead)).toEqual([]);
    const decisions = await harness.store.timeline.find({ contactId: lead.contactId, kind: 'decision' }).lean();
    expect(decisions.map((decision) => [decision.nodeId, decision.body])).toEqual([
      ['whatsapp_update', 'whatsapp send blocked: the contact opted out of whatsapp'],
      ['sms_update', 'sms send blocked: the contact opted out of sms'],
    ]);
  });

  it('holds an update due at 03:00 in the customer\'s zone until 08:00', async () => {
    const lead = await newLead(harness.store, '585');
    const zone = zoneWhereItIs(3, await harness.env.currentTimeMs());

    const { final, handle } = await run(lead, { compliance: { quietHours: parseQuietHours('21:00-08:00'), frequencyCap: null } }, zone);

    expect(final).toMatchObject({ outcome: 'notified', path: ['delivery_delayed', 'whatsapp_update', 'end_notified'] });
    expect(localTime(final.visits?.[1]?.leftAt ?? '', zone)).toBe('08:00');
    expect(await summariesOf(handle)).toContain(`quiet hours: send whatsapp at 08:00 ${zone}`);
    // Judged when it goes, at 08:00: the customer has not written, so the template.
    expect(await sendsTo(harness.store, lead)).toEqual([{ channel: 'whatsapp', subject: null, body: templateText, providerCalls: 1 }]);
  });
});
