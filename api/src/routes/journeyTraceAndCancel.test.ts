import { journeyWorkflowId } from '@threadline/worker/contract';
import { resolveContact } from '@threadline/worker/store';
import { describe, expect, it } from 'vitest';
import { useApiUnderTest } from '../testing/useApiUnderTest';
import { eventually } from '../testing/eventually';

const FLOW_ID = 'missed-call-text-back';
const OUR_NUMBER = '+14155550199';

const { api, call } = useApiUnderTest({ worker: true, publishedLibraryFlows: [FLOW_ID] });

async function missedCall(phone: string): Promise<{ contactId: string; journeyId: string }> {
  const missed = await call('POST', '/api/sandbox/missed-call', { from: phone, to: OUR_NUMBER });
  expect(missed.status).toBe(200);
  return { contactId: missed.body.contactId, journeyId: journeyWorkflowId(FLOW_ID, missed.body.contactId) };
}

async function traceOf(journeyId: string) {
  const trace = await call('GET', `/api/journeys/${encodeURIComponent(journeyId)}/trace`);
  expect(trace.status).toBe(200);
  return trace.body;
}

async function waitingForReply(journeyId: string) {
  return eventually(async () => {
    const trace = await traceOf(journeyId);
    return trace.pendingWait?.nodeId === 'wait_reply' ? trace : undefined;
  }, `${journeyId} to wait for a reply`);
}

async function traceOnceEnded(journeyId: string, journeyStatus: string) {
  return eventually(async () => {
    const trace = await traceOf(journeyId);
    return trace.journey.journeyStatus === journeyStatus && trace.journey.closeTime !== null ? trace : undefined;
  }, `${journeyId} to end ${journeyStatus}`);
}

describe('GET /api/journeys/:workflowId/trace', () => {
  it('lists every visit of a missed-call journey answered on WhatsApp, with outputs, times and the split\'s reason', async () => {
    const phone = '+14155550401';
    const { contactId, journeyId } = await missedCall(phone);

    const waiting = await waitingForReply(journeyId);
    expect(waiting.journey).toMatchObject({ workflowId: journeyId, flowId: FLOW_ID, flowVersion: 1, contactId, status: 'RUNNING', journeyStatus: 'waiting' });
    expect(waiting.currentNode).toBe('wait_reply');
    expect(waiting.visits.at(-1)).toMatchObject({ nodeId: 'wait_reply', leftAt: null, output: null });

    expect((await call('POST', '/api/sandbox/messages', { channel: 'whatsapp', from: phone, to: OUR_NUMBER, text: 'What is the price?' })).status).toBe(200);
    const trace = await traceOnceEnded(journeyId, 'completed');

    expect(trace.journey.status).toBe('COMPLETED');
    expect(trace.outcome).toBe('engaged');
    expect(trace.pendingWait).toBeNull();
    expect(trace.currentNode).toBe('end_engaged');
    expect(trace.droppedVisits).toBe(0);
    expect(trace.visits.map(({ nodeId, type, visit, output, detail }: Record<string, unknown>) => ({ nodeId, type, visit, output, detail }))).toEqual([
      { nodeId: 'missed_call', type: 'trigger.missedCall', visit: 1, output: 'next', detail: 'on voice' },
      { nodeId: 'text_back', type: 'send', visit: 1, output: 'sent', detail: 'sent on sms' },
      { nodeId: 'wait_reply', type: 'waitForReply', visit: 1, output: 'replied', detail: 'reply on whatsapp' },
      { nodeId: 'mentions_pricing', type: 'split', visit: 1, output: 'pricing', detail: 'value "What is the price?" matched pricing' },
      { nodeId: 'send_pricing', type: 'send', visit: 1, output: 'sent', detail: 'sent on whatsapp' },
      { nodeId: 'end_engaged', type: 'end', visit: 1, output: null, detail: 'outcome engaged' },
    ]);
    for (const visit of trace.visits) {
      expect(Date.parse(visit.leftAt)).toBeGreaterThanOrEqual(Date.parse(visit.enteredAt));
    }
    // The wait took as long as the reply did: the clock moved while the journey sat at it.
    const wait = trace.visits[2];
    expect(Date.parse(wait.leftAt)).toBeGreaterThan(Date.parse(wait.enteredAt));
  });

  it('says why the contact did not get the message when they had opted out of sms', async () => {
    const phone = '+14155550402';
    const { contactId } = await resolveContact(api.store, { type: 'phone', value: phone });
    await api.store.contacts.updateOne({ _id: contactId }, { $set: { optOuts: ['sms'] } });

    const { journeyId } = await missedCall(phone);
    const trace = await traceOnceEnded(journeyId, 'completed');

    expect(trace.outcome).toBe('blocked');
    expect(trace.visits.find((visit: { nodeId: string }) => visit.nodeId === 'text_back')).toMatchObject({
      output: 'blocked',
      detail: expect.stringMatching(/^blocked: .*opted out of sms/),
    });
    expect(trace.visits.at(-1)).toMatchObject({ nodeId: 'end_blocked', detail: 'outcome blocked' });
  });

  it('answers 404 for a journey that does not exist and 400 for an id that cannot be one', async () => {
    const unknown = await call('GET', `/api/journeys/${encodeURIComponent(`journey:${FLOW_ID}:c_nobody`)}/trace`);
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: 'not-found' } } });
    const notAJourney = await call('GET', '/api/journeys/payroll-run-42/trace');
    expect(notAJourney).toMatchObject({ status: 400, body: { error: { path: 'params.workflowId' } } });
  });
});

describe('cancelling journeys', () => {
  it('cancels a waiting journey: the contact is freed, the timeline says so and the journey reads cancelled', async () => {
    const { contactId, journeyId } = await missedCall('+14155550411');
    await waitingForReply(journeyId);
    expect((await call('GET', `/api/contacts/${contactId}`)).body.contact.activeJourneys).toEqual([journeyId]);

    const cancelled = await call('POST', `/api/journeys/${encodeURIComponent(journeyId)}/cancel`);
    expect(cancelled).toMatchObject({ status: 202, body: { journey: { workflowId: journeyId, cancelRequested: true } } });

    const trace = await traceOnceEnded(journeyId, 'cancelled');
    expect(trace.journey.status).toBe('CANCELLED');
    expect(trace.outcome).toBe('cancelled');
    expect(trace.pendingWait).toBeNull();
    expect(trace.visits.at(-1)).toMatchObject({ nodeId: 'wait_reply', output: null, detail: 'cancelled while waiting for a reply', leftAt: expect.any(String) });

    expect((await call('GET', `/api/contacts/${contactId}`)).body.contact.activeJourneys).toEqual([]);
    const timeline = await call('GET', `/api/contacts/${contactId}/timeline`);
    expect(timeline.body.events).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'journey', journeyId, nodeId: 'wait_reply', body: 'cancelled', status: 'cancelled' })]),
    );
    const described = await call('GET', `/api/journeys/${encodeURIComponent(journeyId)}`);
    expect(described.body.journey).toMatchObject({ journeyStatus: 'cancelled', outcome: 'cancelled' });
  });

  it('answers 409 for a journey that has already ended, and 404 for one that does not exist', async () => {
    const { journeyId } = await missedCall('+14155550412');
    await waitingForReply(journeyId);
    expect((await call('POST', `/api/journeys/${encodeURIComponent(journeyId)}/cancel`)).status).toBe(202);
    await traceOnceEnded(journeyId, 'cancelled');

    const again = await call('POST', `/api/journeys/${encodeURIComponent(journeyId)}/cancel`);
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'journey-closed' } } });
    expect(again.body.error.message).toContain('nothing to cancel');

    const unknown = await call('POST', `/api/journeys/${encodeURIComponent(`journey:${FLOW_ID}:c_nobody`)}/cancel`);
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: 'not-found' } } });
  });

  it('cancels every running journey of a flow and says how many', async () => {
    const started = await Promise.all(['+14155550421', '+14155550422', '+14155550423'].map((phone) => missedCall(phone)));
    await Promise.all(started.map(({ journeyId }) => waitingForReply(journeyId)));
    // Visibility is updated asynchronously: the flow-wide cancel finds journeys through it.
    await eventually(async () => {
      const listed = await call('GET', `/api/flows/${FLOW_ID}/journeys?limit=200`);
      const running = listed.body.journeys.filter((journey: { status: string }) => journey.status === 'RUNNING');
      return running.length === started.length ? true : undefined;
    }, 'the three journeys to be listed as running');

    const cancelled = await call('POST', `/api/flows/${FLOW_ID}/journeys/cancel`);
    expect(cancelled).toMatchObject({ status: 202, body: { flowId: FLOW_ID, cancelled: 3 } });

    for (const { contactId, journeyId } of started) {
      await traceOnceEnded(journeyId, 'cancelled');
      expect((await call('GET', `/api/contacts/${contactId}`)).body.contact.activeJourneys).toEqual([]);
    }

    const unknownFlow = await call('POST', '/api/flows/no-such-flow/journeys/cancel');
    expect(unknownFlow).toMatchObject({ status: 404, body: { error: { code: 'not-found' } } });
  });
});
