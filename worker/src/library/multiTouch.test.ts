/**
 * The library's multi-touch outreach end to end, on the time-skipping server with real FerretDB:
 * four touches over a week (1 h, 2 d, 2 d, 4 d), SMS and email alternating.
 */
import { WorkflowFailedError } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { parseQuietHours } from '../activities';
import { INBOUND_EVENT_SIGNAL, type InboundEvent, type JourneyState } from '../journeys/contract';
import { setChannelOptOut } from '../store';
import {
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
  summariesOf,
  traceOf,
  useLibraryHarness,
  waitingAt,
  withSkippingWorker,
  zoneWhereItIs,
} from './libraryJourneyHarness';

const flow = libraryFlow('multi-touch');
const hello = 'Hi Ada, we got your enquiry and we are on it. Fastest way to reach us: reply to this text.';
const question = 'Quick question, Ada: is it price, timing or something else that is holding you back? One word is enough.';
const harness = useLibraryHarness('threadline_library_multi_touch');

const allTouches = ['lead_created', 'sms_hello', 'wait_after_hello', 'email_details', 'wait_after_details', 'sms_question', 'wait_after_question', 'email_story', 'wait_after_story', 'end_unresponsive'];

describe('multi-touch outreach, as the library ships it', () => {
  it('makes all four touches to a silent lead over a week, each once, and ends unresponsive', async () => {
    const lead = await newLead(harness.store, '571');
    const startedAt = await harness.env.currentTimeMs();

    const { final, handle } = await runToEnd(harness, leadJourney(flow, lead, leadCreated(lead)));

    expect(final).toMatchObject({ status: 'completed', outcome: 'unresponsive', path: allTouches });
    expect((await harness.env.currentTimeMs()) - startedAt).toBeGreaterThanOrEqual(HOUR + 8 * DAY);
    const sends = await sendsTo(harness.store, lead);
    expect(sends.map((send) => [send.channel, send.subject, send.providerCalls])).toEqual([
      ['sms', null, 1],
      ['email', 'Plans, prices and how we get started', 1],
      ['sms', null, 1],
      ['email', 'How Northwind answers customers twice as fast', 1],
    ]);
    expect([sends[0]?.body, sends[2]?.body]).toEqual([hello, question]);
    expect(traceOf(final).map(([, detail]) => detail)).toEqual([
      'event lead.created',
      'sent on sms',
      'timed out after 1h',
      'sent on email',
      'timed out after 2d',
      'sent on sms',
      'timed out after 2d',
      'sent on email',
      'timed out after 4d',
      'outcome unresponsive',
    ]);
    expect(await summariesOf(handle)).toEqual(expect.arrayContaining(['wait for a reply on any channel (1h)', 'wait for a reply on any channel (4d)']));
    await replayAndMaybeRecord(harness, handle, 'multi-touch-silent-week');
  });

  it('hands a WhatsApp reply to the details email to a rep: the journey fails at handoff_to_rep, which this worker does not run yet', async () => {
    const lead = await newLead(harness.store, '572');

    const { failure, state } = await withSkippingWorker(harness, {}, async (start) => {
      const handle = await start(leadJourney(flow, lead, leadCreated(lead)));
      await harness.env.sleep('2h');
      await waitingAt(handle, 'wait_after_details');
      await handle.signal<[InboundEvent]>(INBOUND_EVENT_SIGNAL, await replyFrom(harness, lead, 'whatsapp', 'Timing. Can we talk next month?'));
      return failureAndState(handle);
    });

    expect(failure).toBeInstanceOf(WorkflowFailedError);
    expect(String((failure as WorkflowFailedError).cause?.message)).toMatch(/handoff_to_rep.*node type "handoff" is not run by this worker yet/);
    expect(state.path).toEqual(['lead_created', 'sms_hello', 'wait_after_hello', 'email_details', 'wait_after_details', 'handoff_to_rep']);
    expect(traceOf(state)[4]).toEqual(['wait_after_details', 'reply on whatsapp']);
    expect((await sendsTo(harness.store, lead)).map((send) => send.channel)).toEqual(['sms', 'email']);
  });

  it('skips the SMS touch of a lead who texted STOP mid-journey and goes on by email', async () => {
    const lead = await newLead(harness.store, '573');

    const final = await withSkippingWorker(harness, {}, async (start) => {
      const handle = await start(leadJourney(flow, lead, leadCreated(lead)));
      await waitingAt(handle, 'wait_after_hello');
      await setChannelOptOut(harness.store, lead.contactId, 'sms', true);
      return (await handle.result()) as JourneyState;
    });

    expect(final).toMatchObject({ outcome: 'unresponsive', path: allTouches });
    expect(traceOf(final)[5]).toEqual(['sms_question', 'blocked: the contact opted out of sms']);
    expect((await sendsTo(harness.store, lead)).map((send) => send.channel)).toEqual(['sms', 'email', 'email']);
    const decisions = await harness.store.timeline.find({ contactId: lead.contactId, kind: 'decision' }).lean();
    expect(decisions).toEqual([expect.objectContaining({ nodeId: 'sms_question', status: 'blocked', body: 'sms send blocked: the contact opted out of sms' })]);
  });

  it('holds the SMS question due at 21:xx until 08:00, while the emails go at any hour', async () => {
    const lead = await newLead(harness.store, '574');
    // The hello goes at 20:xx, the details email at 21:xx, the question two days later at 21:xx.
    const zone = zoneWhereItIs(20, await harness.env.currentTimeMs());
    const compliance = { quietHours: parseQuietHours('21:00-08:00'), frequencyCap: null };

    const { final, handle } = await runToEnd(harness, leadJourney(flow, lead, leadCreated(lead), zone), { compliance });

    expect(final).toMatchObject({ outcome: 'unresponsive', path: allTouches });
    const visit = (nodeId: string) => final.visits?.find((each) => each.nodeId === nodeId);
    expect(localTime(visit('email_details')?.leftAt ?? '', zone)).toMatch(/^21:/);
    expect(localTime(visit('sms_question')?.enteredAt ?? '', zone)).toMatch(/^21:/);
    expect(localTime(visit('sms_question')?.leftAt ?? '', zone)).toBe('08:00');
    expect((await summariesOf(handle)).filter((summary) => summary.startsWith('quiet hours'))).toEqual([`quiet hours: send sms at 08:00 ${zone}`]);
    expect((await sendsTo(harness.store, lead)).map((send) => [send.channel, send.providerCalls])).toEqual([['sms', 1], ['email', 1], ['sms', 1], ['email', 1]]);
  });
});
