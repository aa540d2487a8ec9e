/**
 * The library's speed-to-lead (email first) flow end to end, on the time-skipping server with
 * real FerretDB: its 48-hour, 24-hour and 3-day waits unshortened.
 */
import { describe, expect, it } from 'vitest';
import { parseQuietHours } from '../activities';
import { INBOUND_EVENT_SIGNAL, type InboundEvent, type JourneyState } from '../journeys/contract';
import { setChannelOptOut } from '../store';
import {
  businessEvent,
  DAY,
  HOUR,
  leadCreated,
  leadJourney,
  libraryFlow,
  localTime,
  newLead,
  replayAndMaybeRecord,
  replyFrom,
  runToEnd,
  sendsTo,
  stayedMs,
  summariesOf,
  traceOf,
  useLibraryHarness,
  waitingAt,
  withSkippingWorker,
  zoneWhereItIs,
} from './libraryJourneyHarness';

const flow = libraryFlow('email-first');
const brief = 'Hi Ada, about your enquiry: book a quick call at https://example.com/book or just reply here.';
const harness = useLibraryHarness('threadline_library_email_first');

describe('speed to lead (email first), as the library ships it', () => {
  it('emails the details at once, texts once after two silent days, and ends converted when the SMS reply says booked', async () => {
    const lead = await newLead(harness.store, '561');

    const { final, handle } = await withSkippingWorker(harness, {}, async (start) => {
      const handle = await start(leadJourney(flow, lead, leadCreated(lead)));
      await harness.env.sleep('49h');
      await waitingAt(handle, 'wait_sms_reply');
      await handle.signal<[InboundEvent]>(INBOUND_EVENT_SIGNAL, await replyFrom(harness, lead, 'sms', 'Booked it'));
      return { final: (await handle.result()) as JourneyState, handle };
    });

    expect(final).toMatchObject({ status: 'completed', outcome: 'converted' });
    expect(final.path).toEqual(['lead_created', 'email_details', 'wait_reply', 'sms_brief', 'wait_sms_reply', 'says_booked', 'end_booked']);
    const sends = await sendsTo(harness.store, lead);
    expect(sends.map((send) => [send.channel, send.subject, send.providerCalls])).toEqual([
      ['email', 'Your enquiry: plans, prices and next steps', 1],
      ['sms', null, 1],
    ]);
    expect(sends[0]?.body).toMatch(/^Hi Ada,\n\nThanks for your enquiry\./);
    expect(sends[1]?.body).toBe(brief);
    expect(stayedMs(final, 'wait_reply')).toBeGreaterThanOrEqual(48 * HOUR);
    expect(traceOf(final)).toEqual([
      ['lead_created', 'event lead.created'],
      ['email_details', 'sent on email'],
      ['wait_reply', 'timed out after 48h'],
      ['sms_brief', 'sent on sms'],
      ['wait_sms_reply', 'reply on sms'],
      ['says_booked', 'value "Booked it" matched booked'],
      ['end_booked', 'outcome converted'],
    ]);
    expect(await summariesOf(handle)).toEqual(expect.arrayContaining(['wait for a reply on any channel (48h)', 'send sms: Hi {{ contact.firstName |…']));
    await replayAndMaybeRecord(harness, handle, 'email-first-silent-then-sms-booked');
  });

  it('follows a WhatsApp reply to the email that is not a booking with a second email a day later, and ends not booked', async () => {
    const lead = await newLead(harness.store, '562');
    const startedAt = await harness.env.currentTimeMs();

    const final = await withSkippingWorker(harness, {}, async (start) => {
      const handle = await start(leadJourney(flow, lead, leadCreated(lead)));
      await waitingAt(handle, 'wait_reply');
      await handle.signal<[InboundEvent]>(INBOUND_EVENT_SIGNAL, await replyFrom(harness, lead, 'whatsapp', 'What is included in the basic plan?'));
      return (await handle.result()) as JourneyState;
    });

    expect(final).toMatchObject({ outcome: 'notBooked' });
    expect(final.path).toEqual([
      'lead_created', 'email_details', 'wait_reply', 'says_booked', 'wait_booking', 'email_follow_up', 'wait_booking_after_follow_up', 'end_not_booked',
    ]);
    expect((await sendsTo(harness.store, lead)).map((send) => [send.channel, send.subject, send.providerCalls])).toEqual([
      ['email', 'Your enquiry: plans, prices and next steps', 1],
      ['email', 'A time that suits you?', 1],
    ]);
    expect(traceOf(final).slice(2, 7)).toEqual([
      ['wait_reply', 'reply on whatsapp'],
      ['says_booked', 'value "What is included in the basic plan?" matched no condition'],
      ['wait_booking', 'timed out after 24h'],
      ['email_follow_up', 'sent on email'],
      ['wait_booking_after_follow_up', 'timed out after 3d'],
    ]);
    expect((await harness.env.currentTimeMs()) - startedAt).toBeGreaterThanOrEqual(DAY + 3 * DAY);
  });

  it('ends converted when the booking arrives after the follow-up email', async () => {
    const lead = await newLead(harness.store, '563');

    const final = await withSkippingWorker(harness, {}, async (start) => {
      const handle = await start(leadJourney(flow, lead, leadCreated(lead)));
      await waitingAt(handle, 'wait_reply');
      await handle.signal<[InboundEvent]>(INBOUND_EVENT_SIGNAL, await replyFrom(harness, lead, 'email', 'Sounds good, let me check my diary'));
      await harness.env.sleep('25h');
      await waitingAt(handle, 'wait_booking_after_follow_up');
      await handle.signal<[InboundEvent]>(INBOUND_EVENT_SIGNAL, businessEvent(lead, 'booking.created'));
      return (await handle.result()) as JourneyState;
    });

    expect(final).toMatchObject({ outcome: 'converted' });
    expect(final.path.slice(-3)).toEqual(['email_follow_up', 'wait_booking_after_follow_up', 'end_booked']);
    expect((await sendsTo(harness.store, lead)).map((send) => send.subject)).toEqual(['Your enquiry: plans, prices and next steps', 'A time that suits you?']);
  });

  it('blocks the SMS of a lead who texted STOP while the journey waited for a reply, and ends blocked', async () => {
    const lead = await newLead(harness.store, '564');

    const final = await withSkippingWorker(harness, {}, async (start) => {
      const handle = await start(leadJourney(flow, lead, leadCreated(lead)));
      await waitingAt(handle, 'wait_reply');
      await setChannelOptOut(harness.store, lead.contactId, 'sms', true);
      return (await handle.result()) as JourneyState;
    });

    expect(final).toMatchObject({ outcome: 'blocked', path: ['lead_created', 'email_details', 'wait_reply', 'sms_brief', 'end_blocked'] });
    expect(traceOf(final)[3]).toEqual(['sms_brief', 'blocked: the contact opted out of sms']);
    expect((await sendsTo(harness.store, lead)).map((send) => send.channel)).toEqual(['email']);
  });

  it('goes straight to the SMS when the lead unsubscribed from email', async () => {
    const lead = await newLead(harness.store, '565');
    await setChannelOptOut(harness.store, lead.contactId, 'email', true);

    const { final } = await runToEnd(harness, leadJourney(flow, lead, leadCreated(lead)));

    expect(final).toMatchObject({ outcome: 'unresponsive', path: ['lead_created', 'email_details', 'sms_brief', 'wait_sms_reply', 'end_unresponsive'] });
    expect(traceOf(final)[1]).toEqual(['email_details', 'blocked: the contact opted out of email']);
    expect((await sendsTo(harness.store, lead)).map((send) => send.body)).toEqual([brief]);
  });

  it('emails a lead who enquires at 23:00 at once, and holds the SMS due two nights later until 08:00', async () => {
    const lead = await newLead(harness.store, '566');
    const zone = zoneWhereItIs(23, await harness.env.currentTimeMs());
    const compliance = { quietHours: parseQuietHours('21:00-08:00'), frequencyCap: null };

    const { final, handle } = await runToEnd(harness, leadJourney(flow, lead, leadCreated(lead), zone), { compliance });

    expect(final).toMatchObject({ outcome: 'unresponsive', path: ['lead_created', 'email_details', 'wait_reply', 'sms_brief', 'wait_sms_reply', 'end_unresponsive'] });
    expect(stayedMs(final, 'email_details')).toBeLessThan(60_000);
    const sms = final.visits?.find((visit) => visit.nodeId === 'sms_brief');
    expect(localTime(sms?.enteredAt ?? '', zone)).toMatch(/^23:/);
    expect(localTime(sms?.leftAt ?? '', zone)).toBe('08:00');
    expect(sms?.detail).toBe(`deferred until 08:00 ${zone}, then sent on sms`);
    expect(await summariesOf(handle)).toContain(`quiet hours: send sms at 08:00 ${zone}`);
    expect((await sendsTo(harness.store, lead)).map((send) => [send.channel, send.providerCalls])).toEqual([['email', 1], ['sms', 1]]);
    const decisions = await harness.store.timeline.find({ contactId: lead.contactId, kind: 'decision' }).lean();
    expect(decisions).toEqual([
      expect.objectContaining({ nodeId: 'sms_brief', status: 'deferred', body: `sms send deferred: quiet hours 21:00–08:00 in ${zone}, until 08:00` }),
    ]);
  });
});
