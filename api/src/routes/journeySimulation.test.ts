import { CURRENT_SCHEMA_VERSION } from '@threadline/flows';
import type { FlowDefinition, FlowNodeOf } from '@threadline/flows/types';
import { journeyWorkflowId } from '@threadline/worker/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiUnderTest, type ApiUnderTest } from '../testing/startApiUnderTest';
import { eventually } from '../testing/eventually';

const sendOn = (id: string, template: string): FlowNodeOf<'send'> => ({
  id,
  type: 'send',
  config: { channel: 'sms', template, mediaUrls: [], whatsappTemplateVariables: [] },
});

/** Two days as the flow says them: a message, a day's pause, a nudge, a day for a reply, a last word. */
const twoDaySequence: FlowDefinition = {
  schemaVersion: CURRENT_SCHEMA_VERSION,
  id: 'two-day-sequence',
  name: 'Two-day sequence',
  nodes: [
    { id: 'trial_started', type: 'trigger.event', config: { event: 'trial.started', payload: [] } },
    sendOn('welcome', 'Welcome to your trial'),
    { id: 'wait_day', type: 'delay', config: { duration: '24h' } },
    sendOn('nudge', 'How is the trial going? Reply to tell us'),
    { id: 'wait_reply', type: 'waitForReply', config: { channels: [], timeout: '24h', maxReprompts: 0 } },
    sendOn('last_word', 'We are here when you need us'),
    sendOn('thanks', 'Thanks for your reply'),
    { id: 'end_quiet', type: 'end', config: { outcome: 'noReply', returns: [] } },
    { id: 'end_replied', type: 'end', config: { outcome: 'replied', returns: [] } },
  ],
  edges: [
    { from: 'trial_started', output: 'next', to: 'welcome' },
    ...(['sent', 'failed', 'blocked'] as const).map((output) => ({ from: 'welcome', output, to: 'wait_day' })),
    { from: 'wait_day', output: 'next', to: 'nudge' },
    ...(['sent', 'failed', 'blocked'] as const).map((output) => ({ from: 'nudge', output, to: 'wait_reply' })),
    { from: 'wait_reply', output: 'timeout', to: 'last_word' },
    { from: 'wait_reply', output: 'replied', to: 'thanks' },
    ...(['sent', 'failed', 'blocked'] as const).map((output) => ({ from: 'last_word', output, to: 'end_quiet' })),
    ...(['sent', 'failed', 'blocked'] as const).map((output) => ({ from: 'thanks', output, to: 'end_replied' })),
  ],
  layout: {},
};

let api: ApiUnderTest;

beforeAll(async () => {
  api = await startApiUnderTest({ worker: true });
  const created = await call('POST', '/api/flows', { name: twoDaySequence.name, id: twoDaySequence.id, definition: twoDaySequence });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const published = await call('POST', `/api/flows/${twoDaySequence.id}/publish`);
  expect(published.status, JSON.stringify(published.body)).toBe(201);
}, 180_000);

afterAll(async () => {
  await api?.stop();
});

const call: ApiUnderTest['call'] = (method, url, payload) => api.call(method, url, payload);

async function sentTo(phone: string): Promise<string[]> {
  const sent = await call('GET', `/api/sandbox/messages?to=${encodeURIComponent(phone)}`);
  return sent.body.messages.map((message: { body: string }) => message.body);
}

async function traceOf(journeyId: string) {
  const trace = await call('GET', `/api/journeys/${encodeURIComponent(journeyId)}/trace`);
  expect(trace.status).toBe(200);
  return trace.body;
}

async function waitingAt(journeyId: string, nodeId: string) {
  return eventually(async () => {
    const trace = await traceOf(journeyId);
    return trace.pendingWait?.nodeId === nodeId ? trace : undefined;
  }, `${journeyId} to wait at ${nodeId}`);
}

const skipWait = (journeyId: string, body?: { nodeId?: string }) => call('POST', `/api/journeys/${encodeURIComponent(journeyId)}/skip-wait`, body);

async function startSequence(phone: string): Promise<string> {
  const started = await call('POST', '/api/events', { name: 'trial.started', contact: { phone } });
  expect(started.status, JSON.stringify(started.body)).toBe(200);
  return journeyWorkflowId(twoDaySequence.id, started.body.contactId);
}

describe('POST /api/journeys/:workflowId/skip-wait', () => {
  it('runs a 48-hour sequence in seconds on the real dev server, each message sent once, and the trace says which waits were skipped', async () => {
    const startedAt = Date.now();
    const phone = '+14155550701';
    const journeyId = await startSequence(phone);

    const atDelay = await waitingAt(journeyId, 'wait_day');
    expect(atDelay.pendingWait).toMatchObject({ kind: 'timer' });
    expect(await sentTo(phone)).toEqual(['Welcome to your trial']);

    // Another node than the one it waits at: nothing to skip there.
    const elsewhere = await skipWait(journeyId, { nodeId: 'wait_reply' });
    expect(elsewhere).toMatchObject({ status: 409, body: { error: { code: 'journey-not-waiting' } } });
    expect(elsewhere.body.error.message).toContain('waits at wait_day, not at wait_reply');

    const skippedDelay = await skipWait(journeyId, { nodeId: 'wait_day' });
    expect(skippedDelay).toMatchObject({ status: 202, body: { journey: { workflowId: journeyId, skipRequested: { nodeId: 'wait_day', kind: 'timer' } } } });

    const atReply = await waitingAt(journeyId, 'wait_reply');
    expect(atReply.pendingWait).toMatchObject({ kind: 'reply' });
    // No body: whatever the journey waits on.
    expect((await skipWait(journeyId)).status).toBe(202);

    const ended = await eventually(async () => {
      const trace = await traceOf(journeyId);
      return trace.journey.closeTime !== null ? trace : undefined;
    }, `${journeyId} to end`);
    expect(ended.outcome).toBe('noReply');
    expect(Date.now() - startedAt).toBeLessThan(30_000);

    expect(await sentTo(phone)).toEqual(['Welcome to your trial', 'How is the trial going? Reply to tell us', 'We are here when you need us']);
    const visits = ended.visits.map(({ nodeId, output, detail }: { nodeId: string; output: string | null; detail: string | null }) => ({ nodeId, output, detail }));
    expect(visits).toEqual(
      expect.arrayContaining([
        { nodeId: 'wait_day', output: 'next', detail: 'wait skipped (simulator)' },
        { nodeId: 'wait_reply', output: 'timeout', detail: 'wait skipped (simulator)' },
      ]),
    );

    // The journey's Temporal history: each timer started once, cancelled only by the skips.
    const events = (await api.temporal.workflow.getHandle(journeyId).fetchHistory()).events ?? [];
    expect({
      started: events.filter((event) => event.timerStartedEventAttributes).length,
      cancelled: events.filter((event) => event.timerCanceledEventAttributes).length,
      fired: events.filter((event) => event.timerFiredEventAttributes).length,
    }).toEqual({ started: 2, cancelled: 2, fired: 0 });

    const afterEnd = await skipWait(journeyId);
    expect(afterEnd).toMatchObject({ status: 409, body: { error: { code: 'journey-not-waiting' } } });
  });

  it('leaves a reply wait to the reply when one came: a skip that lands after it is refused and the journey takes `replied`', async () => {
    const phone = '+14155550702';
    const journeyId = await startSequence(phone);
    await waitingAt(journeyId, 'wait_day');
    expect((await skipWait(journeyId)).status).toBe(202);
    await waitingAt(journeyId, 'wait_reply');

    const inbound = await call('POST', '/api/sandbox/messages', { channel: 'sms', from: phone, to: '+14155550199', text: 'Going well' });
    expect(inbound.status, JSON.stringify(inbound.body)).toBe(200);
    const ended = await eventually(async () => {
      const trace = await traceOf(journeyId);
      return trace.journey.closeTime !== null ? trace : undefined;
    }, `${journeyId} to end`);
    expect(ended.outcome).toBe('replied');
    expect(ended.visits.find((visit: { nodeId: string }) => visit.nodeId === 'wait_reply')).toMatchObject({ output: 'replied', detail: 'reply on sms' });
    expect(await sentTo(phone)).toEqual(['Welcome to your trial', 'How is the trial going? Reply to tell us', 'Thanks for your reply']);
    expect((await skipWait(journeyId)).status).toBe(409);
  });

  it('answers 404 for a journey that does not exist and 400 for an id that is not a journey', async () => {
    const unknown = await skipWait(journeyWorkflowId(twoDaySequence.id, 'c_nobody'));
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: 'not-found' } } });
    expect((await call('POST', '/api/journeys/not-a-journey/skip-wait')).status).toBe(400);
  });
});
