/**
 * The library's speed-to-lead (SMS first) flow end to end, on the time-skipping server with real
 * FerretDB: the flow as the gallery ships it, its 24-hour, 48-hour and 3-day waits unshortened.
 */
import { WorkflowFailedError } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { parseQuietHours } from '../activities';
import { INBOUND_EVENT_SIGNAL, type InboundEvent, type JourneyState } from '../journeys/contract';
import { setChannelOptOut } from '../store';
import {
  businessEvent,
  DAY,
  failureAndState,
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

const flow = libraryFlow('speed-to-lead-sms-first');
const bookingLink = 'Hi Ada, thanks for your enquiry! Pick a time to talk that suits you: https://example.com/book';
const nudge = 'Still thinking it over, Ada? Grab a 15-minute slot whenever suits: https://example.com/book — or reply with any questions.';
const harness = useLibraryHarness('threadline_library_speed_to_lead');

describe('speed to lead (SMS first), as the library ships it', () => {
  it('texts the booking link at once, emails the details after a silent day, and ends unresponsive three days later', async () => {
    const lead = await newLead(harness.store, '551');
    const startedAt = await harness.env.currentTimeMs();

    const { final } = await runToEnd(harness, leadJourney(flow, lead, leadCreated(lead)));

    expect(final).toMatchObject({ status: 'completed', outcome: 'unresponsive' });
    expect(final.path).toEqual(['lead_created', 'start_count', 'sms_booking_link', 'wait_first_reply', 'email_details', 'wait_email_reply', 'end_unresponsive']);
    expect((await harness.env.currentTimeMs()) - startedAt).toBeGreaterThanOrEqual(DAY + 3 * DAY);
    const sends = await sendsTo(harness.store, lead);
    expect(sends.map((send) => [send.channel, send.subject, send.providerCalls])).toEqual([
      ['sms', null, 1],
      ['email', 'Your enquiry: what happens next', 1],
    ]);
    expect(sends[0]?.body).toBe(bookingLink);
    expect(sends[1]?.body).toMatch(/^Hi Ada,\n\nThanks again for getting in touch\./);
    expect(traceOf(final)).toEqual([
      ['lead_created', 'event lead.created'],
      ['start_count', 'set vars.engagements'],
      ['sms_booking_link', 'sent on sms'],
      ['wait_first_reply', 'timed out after 24h'],
      ['email_details', 'sent on email'],
      ['wait_email_reply', 'timed out after 3d'],
      ['end_unresponsive', 'outcome unresponsive'],
    ]);
  });

  it('takes a WhatsApp reply to the text that is not a booking, waits 48 hours for one, then nudges by SMS', async () => {
    const lead = await newLead(harness.store, '552');

    const { final, handle } = await withSkippingWorker(harness, {}, async (start) => {
      const handle = await start(leadJourney(flow, lead, leadCreated(lead)));
      await waitingAt(handle, 'wait_first_reply');
      await handle.signal<[InboundEvent]>(INBOUND_EVENT_SIGNAL, await replyFrom(harness, lead, 'whatsapp', 'How much does it cost?'));
      return { final: (await handle.result()) as JourneyState, handle };
    });

    expect(final).toMatchObject({ status: 'completed', outcome: 'unresponsive', vars: { engagements: 1 } });
    expect(final.path).toEqual([
      'lead_created', 'start_count', 'sms_booking_link', 'wait_first_reply', 'count_engagement', 'says_booked', 'engaged_again',
      'wait_booking', 'sms_nudge', 'wait_nudge_reply', 'end_unresponsive',
    ]);
    expect(await sendsTo(harness.store, lead)).toEqual([
      { channel: 'sms', subject: null, body: bookingLink, providerCalls: 1 },
      { channel: 'sms', subject: null, body: nudge, providerCalls: 1 },
    ]);
    expect(stayedMs(final, 'wait_booking')).toBeGreaterThanOrEqual(48 * HOUR);
    expect(stayedMs(final, 'wait_booking')).toBeLessThan(48 * HOUR + 60_000);
    expect(traceOf(final).slice(3, 10)).toEqual([
      ['wait_first_reply', 'reply on whatsapp'],
      ['count_engagement', 'set vars.engagements'],
      ['says_booked', 'value "How much does it cost?" matched no condition'],
      ['engaged_again', 'value "1" matched no condition'],
      ['wait_booking', 'timed out after 48h'],
      ['sms_nudge', 'sent on sms'],
      ['wait_nudge_reply', 'timed out after 3d'],
    ]);
    expect(await summariesOf(handle)).toEqual([
      `Speed to lead (SMS first) v1 · ${lead.contactId} · event lead.created`,
      'send sms: Hi {{ contact.firstName |…',
      'wait for a reply on any channel (24h)',
      'wait for event booking.created (48h)',
      'send sms: Still thinking it over, {{…',
      'wait for a reply on any channel (3d)',
      'end: unresponsive',
    ]);
    await replayAndMaybeRecord(harness, handle, 'speed-to-lead-whatsapp-reply-then-nudge');
  });

  it('ends converted when the reply, on email, says they booked', async () => {
    const lead = await newLead(harness.store, '553');

    const final = await withSkippingWorker(harness, {}, async (start) => {
      const handle = await start(leadJourney(flow, lead, leadCreated(lead)));
      await waitingAt(handle, 'wait_first_reply');
      await handle.signal<[InboundEvent]>(INBOUND_EVENT_SIGNAL, await replyFrom(harness, lead, 'email', 'Just booked!'));
      return (await handle.result()) as JourneyState;
    });

    expect(final).toMatchObject({ outcome: 'converted' });
    expect(final.path.slice(-3)).toEqual(['count_engagement', 'says_booked', 'end_booked']);
    expect((await sendsTo(harness.store, lead)).map((send) => send.body)).toEqual([bookingLink]);
  });

  it('ends converted when the booking arrives while it waits, without a nudge', async () => {
    const lead = await newLead(harness.store, '554');

    const final = await withSkippingWorker(harness, {}, async (start) => {
      const handle = await start(leadJourney(flow, lead, leadCreated(lead)));
      await waitingAt(handle, 'wait_first_reply');
      await handle.signal<[InboundEvent]>(INBOUND_EVENT_SIGNAL, await replyFrom(harness, lead, 'sms', 'Can we talk on Friday?'));
      await waitingAt(handle, 'wait_booking');
      await handle.signal<[InboundEvent]>(INBOUND_EVENT_SIGNAL, businessEvent(lead, 'booking.created', { slot: 'Friday 10:00' }));
      return (await handle.result()) as JourneyState;
    });

    expect(final).toMatchObject({ outcome: 'converted' });
    expect(final.path.slice(-2)).toEqual(['wait_booking', 'end_booked']);
    expect(traceOf(final).find(([nodeId]) => nodeId === 'wait_booking')).toEqual(['wait_booking', 'received booking.created']);
    expect((await sendsTo(harness.store, lead)).map((send) => send.body)).toEqual([bookingLink]);
  });

  it('hands a lead who replies again after the nudge to a rep: the journey fails at handoff_to_rep, which this worker does not run yet', async () => {
    const lead = await newLead(harness.store, '555');

    const { failure, state } = await withSkippingWorker(harness, {}, async (start) => {
      const handle = await start(leadJourney(flow, lead, leadCreated(lead)));
      await waitingAt(handle, 'wait_first_reply');
      await handle.signal<[InboundEvent]>(INBOUND_EVENT_SIGNAL, await replyFrom(harness, lead, 'email', 'Interesting, tell me more'));
      await waitingAt(handle, 'wait_booking');
      // The clock runs only while the test lets it: past the 48 hours, not into the nudge's 3 days.
      await harness.env.sleep('49h');
      await waitingAt(handle, 'wait_nudge_reply');
      await handle.signal<[InboundEvent]>(INBOUND_EVENT_SIGNAL, await replyFrom(harness, lead, 'sms', 'Still comparing offers'));
      return failureAndState(handle);
    });

    expect(failure).toBeInstanceOf(WorkflowFailedError);
    expect(String((failure as WorkflowFailedError).cause?.message)).toMatch(/handoff_to_rep.*node type "handoff" is not run by this worker yet/);
    expect(state.vars).toMatchObject({ engagements: 2 });
    expect(state.path.slice(-4)).toEqual(['count_engagement', 'says_booked', 'engaged_again', 'handoff_to_rep']);
    expect((await sendsTo(harness.store, lead)).map((send) => send.body)).toEqual([bookingLink, nudge]);
  });

  it('blocks the nudge of a lead who texted STOP while the journey waited, and ends blocked', async () => {
    const lead = await newLead(harness.store, '556');

    const final = await withSkippingWorker(harness, {}, async (start) => {
      const handle = await start(leadJourney(flow, lead, leadCreated(lead)));
      await waitingAt(handle, 'wait_first_reply');
      // What the inbound side does with STOP: the opt-out, and no reply for any journey.
      await setChannelOptOut(harness.store, lead.contactId, 'sms', true);
      await handle.signal<[InboundEvent]>(INBOUND_EVENT_SIGNAL, await replyFrom(harness, lead, 'email', 'Please only email me'));
      return (await handle.result()) as JourneyState;
    });

    expect(final).toMatchObject({ outcome: 'blocked' });
    expect(final.path.slice(-3)).toEqual(['wait_booking', 'sms_nudge', 'end_blocked']);
    expect(traceOf(final).find(([nodeId]) => nodeId === 'sms_nudge')).toEqual(['sms_nudge', 'blocked: the contact opted out of sms']);
    expect((await sendsTo(harness.store, lead)).map((send) => send.body)).toEqual([bookingLink]);
    const decisions = await harness.store.timeline.find({ contactId: lead.contactId, kind: 'decision' }).lean();
    expect(decisions).toEqual([expect.objectContaining({ nodeId: 'sms_nudge', status: 'blocked', body: 'sms send blocked: the contact opted out of sms' })]);
  });

  it('holds the booking link of a lead who enquires at 02:00 until 08:00 in their zone, then sends it once', async () => {
    const lead = await newLead(harness.store, '557');
    const zone = zoneWhereItIs(2, await harness.env.currentTimeMs());
    const compliance = { quietHours: parseQuietHours('21:00-08:00'), frequencyCap: null };

    const { final, handle } = await runToEnd(harness, leadJourney(flow, lead, leadCreated(lead), zone), { compliance });

    expect(final).toMatchObject({ outcome: 'unresponsive' });
    const link = final.visits?.find((visit) => visit.nodeId === 'sms_booking_link');
    expect(link?.detail).toBe(`deferred until 08:00 ${zone}, then sent on sms`);
    expect(localTime(link?.leftAt ?? '', zone)).toBe('08:00');
    expect(stayedMs(final, 'sms_booking_link')).toBeGreaterThan(5 * HOUR);
    expect(await summariesOf(handle)).toContain(`quiet hours: send sms at 08:00 ${zone}`);
    expect((await sendsTo(harness.store, lead)).map((send) => [send.channel, send.providerCalls])).toEqual([['sms', 1], ['email', 1]]);
    const decisions = await harness.store.timeline.find({ contactId: lead.contactId, kind: 'decision' }).lean();
    expect(decisions).toEqual([
      expect.objectContaining({ nodeId: 'sms_booking_link', status: 'deferred', body: `sms send deferred: quiet hours 21:00–08:00 in ${zone}, until 08:00` }),
    ]);
  });
});
