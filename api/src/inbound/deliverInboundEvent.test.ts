import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { freePort } from '@threadline/stack';
import { journeySearchAttributeKeys as journeyKeys, journeyWorkflowId } from '@threadline/worker/contract';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../buildApp';
import { useApiUnderTest } from '../testing/useApiUnderTest';

const { api, call } = useApiUnderTest({ publishedLibraryFlows: ['missed-call-text-back'] });

async function timelineOf(contactId: string): Promise<Array<{ id: string; kind: string; channel: string; deliveredAt: string | null }>> {
  const timeline = await call('GET', `/api/contacts/${contactId}/timeline`);
  expect(timeline.status).toBe(200);
  return timeline.body.events;
}

describe('a missed call through the sandbox provider', () => {
  let contactId: string;
  const journeyId = () => journeyWorkflowId('missed-call-text-back', contactId);

  it('creates the contact, puts the call on its timeline and signal-with-starts the journey', async () => {
    const missed = await call('POST', '/api/sandbox/missed-call', { from: '(415) 555-0100', to: '+14155550199', callId: 'CA-1' });
    expect(missed.status).toBe(200);
    contactId = missed.body.contactId;
    expect(missed.body).toEqual({ eventId: 'sandbox:CA-1', contactId: expect.stringMatching(/^c_/), duplicate: false, journeys: [journeyId()] });

    const lookup = await call('GET', '/api/contacts/lookup?channel=sms&address=%2B14155550100');
    expect(lookup.body).toEqual({ contactId });

    const events = await timelineOf(contactId);
    expect(events).toEqual([expect.objectContaining({ id: 'sandbox:CA-1', kind: 'call', channel: 'voice', deliveredAt: expect.any(String) })]);

    // No worker runs in these tests: the journey exists in Temporal and waits for one.
    const description = await api.temporal.workflow.getHandle(journeyId()).describe();
    expect(description.status.name).toBe('RUNNING');
    expect(description.typedSearchAttributes.get(journeyKeys.ContactId)).toBe(contactId);
    expect(description.typedSearchAttributes.get(journeyKeys.FlowVersion)).toBe(1);
    expect(description.typedSearchAttributes.get(journeyKeys.CurrentNode)).toBe('missed_call');

    const contact = await call('GET', `/api/contacts/${contactId}`);
    expect(contact.body.contact).toMatchObject({ id: contactId, identities: [{ type: 'phone', value: '+14155550100' }], activeJourneys: [journeyId()] });
  });

  it('treats a provider retry of the same call as a duplicate that creates nothing new', async () => {
    const before = await api.temporal.workflow.getHandle(journeyId()).fetchHistory();
    const retry = await call('POST', '/api/sandbox/missed-call', { from: '+1 415 555 0100', callId: 'CA-1' });
    expect(retry.body).toEqual({ eventId: 'sandbox:CA-1', contactId, duplicate: true, journeys: [] });
    expect(await timelineOf(contactId)).toHaveLength(1);
    const after = await api.temporal.workflow.getHandle(journeyId()).fetchHistory();
    expect(after.events?.length).toBe(before.events?.length);
  });

  it('hands a WhatsApp reply from the same number to the running journey', async () => {
    const reply = await call('POST', '/api/sandbox/messages', {
      channel: 'whatsapp',
      from: 'whatsapp:+14155550100',
      text: 'How much does it cost?',
      messageId: 'wamid-1',
    });
    expect(reply.body).toEqual({ eventId: 'sandbox:wamid-1', contactId, duplicate: false, journeys: [journeyId()] });
    const history = await api.temporal.workflow.getHandle(journeyId()).fetchHistory();
    const signals = (history.events ?? []).filter((event) => event.workflowExecutionSignaledEventAttributes);
    expect(signals).toHaveLength(2);
    expect((await timelineOf(contactId)).map((event) => event.id)).toEqual(['sandbox:CA-1', 'sandbox:wamid-1']);
  });

  it('lists the contact\'s journeys from Temporal visibility by ContactId', async () => {
    let journeys: Array<{ workflowId: string; status: string; flowId: string | null }> = [];
    for (let attempt = 0; attempt < 50 && journeys.length === 0; attempt += 1) {
      journeys = (await call('GET', `/api/contacts/${contactId}/journeys`)).body.journeys;
      if (journeys.length === 0) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(journeys).toEqual([expect.objectContaining({ workflowId: journeyId(), status: 'RUNNING', flowId: 'missed-call-text-back' })]);
  });

  it('starts no journey for an outcome the trigger does not count', async () => {
    const canceled = await call('POST', '/api/sandbox/missed-call', { from: '+14155550111', outcome: 'canceled' });
    expect(canceled.status).toBe(200);
    expect(canceled.body.journeys).toEqual([]);
    expect(canceled.body.eventId).toMatch(/^sandbox:call-/);
  });

  it('rejects an address that is not a phone number with a 400 naming body.from', async () => {
    const response = await call('POST', '/api/sandbox/missed-call', { from: 'not a number' });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 'invalid-address', path: 'body.from' });
    const badEmail = await call('POST', '/api/sandbox/messages', { channel: 'email', from: 'nobody', text: 'hi' });
    expect(badEmail.body.error).toMatchObject({ code: 'invalid-address', path: 'body.from' });
  });

  it('answers 404 for contacts that do not exist', async () => {
    for (const url of ['/api/contacts/c_nobody', '/api/contacts/c_nobody/timeline', '/api/contacts/c_nobody/journeys', '/api/contacts/lookup?channel=email&address=nobody@example.com']) {
      expect((await call('GET', url)).status).toBe(404);
    }
  });

  it('lists what the sandbox sent, filtered by address', async () => {
    await api.store.sandboxMessages.create({
      _id: 'out:test-send',
      providerMessageId: 'sandbox-out-1',
      channel: 'sms',
      to: '+14155550100',
      body: 'Sorry we missed your call',
      at: new Date(),
    });
    const sent = await call('GET', '/api/sandbox/messages?to=+14155550100&channel=sms');
    expect(sent.body.messages).toEqual([expect.objectContaining({ id: 'out:test-send', to: '+14155550100', body: 'Sorry we missed your call' })]);
    const none = await call('GET', '/api/sandbox/messages?to=%2B14155550999');
    expect(none.body.messages).toEqual([]);
  });
});

describe('health and the builder', () => {
  it('reports ok when Temporal and the database both answer', async () => {
    const health = await call('GET', '/api/health');
    expect(health).toEqual({ status: 200, body: { status: 'ok', temporal: 'ok', database: 'ok' } });
  });

  it('says how to build the builder when it is not built', async () => {
    const page = await api.app.inject({ method: 'GET', url: '/' });
    expect(page.statusCode).toBe(503);
    expect(page.body).toContain('npm run build:ui');
  });

  it('serves the built builder, with index.html for client-side routes and JSON 404s under /api', async () => {
    const dist = join(api.dataDir, 'builder-dist');
    await mkdir(join(dist, 'assets'), { recursive: true });
    await writeFile(join(dist, 'index.html'), '<!doctype html><title>Threadline builder</title>');
    await writeFile(join(dist, 'assets', 'app.js'), 'console.log("builder")');
    const app = await api.buildAnotherApp({ builderDist: dist });

    const root = await app.inject({ method: 'GET', url: '/' });
    expect(root.statusCode).toBe(200);
    expect(root.body).toContain('Threadline builder');
    expect((await app.inject({ method: 'GET', url: '/assets/app.js' })).body).toContain('builder');
    const deepLink = await app.inject({ method: 'GET', url: '/flows/missed-call-text-back' });
    expect(deepLink.statusCode).toBe(200);
    expect(deepLink.body).toContain('Threadline builder');
    const apiMiss = await app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(apiMiss.statusCode).toBe(404);
    expect(apiMiss.json().error.code).toBe('not-found');
  });
});

describe('an inbound event while Temporal cannot be reached', () => {
  it('answers 503 with Retry-After, and the provider\'s retry to a healthy API delivers it once', async () => {
    // A client whose server is gone: nothing listens on this port. No gRPC retry interceptor,
    // so the call fails at once instead of after the SDK's ~20 s of retries.
    const deadTemporal = new Client({
      connection: Connection.lazy({ address: `127.0.0.1:${await freePort()}`, connectTimeout: 500, interceptors: [] }),
    });
    const cutOff = await buildApp({ store: api.store, temporal: deadTemporal, logger: pino({ level: 'silent' }) });
    try {
      const lead = { from: '+14155550142', to: '+14155550199', callId: 'CA-temporal-down' };
      const refused = await cutOff.inject({ method: 'POST', url: '/api/sandbox/missed-call', payload: lead });
      expect(refused.statusCode).toBe(503);
      expect(refused.headers['retry-after']).toBe('1');
      expect(refused.json().error).toMatchObject({ code: 'unavailable', message: expect.stringContaining('temporal') });

      // Persisted before delivery, so the retry finds the event, undelivered, and delivers it.
      const retried = await call('POST', '/api/sandbox/missed-call', lead);
      expect(retried.status).toBe(200);
      expect(retried.body).toMatchObject({ eventId: 'sandbox:CA-temporal-down', duplicate: false });
      const contactId: string = retried.body.contactId;
      expect(retried.body.journeys).toEqual([journeyWorkflowId('missed-call-text-back', contactId)]);
      expect(await timelineOf(contactId)).toEqual([
        expect.objectContaining({ id: 'sandbox:CA-temporal-down', deliveredAt: expect.any(String) }),
      ]);
    } finally {
      await cutOff.close();
    }
  });
});
