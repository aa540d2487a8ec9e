import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { api, eventually } from '../support/api';

interface SandboxMessage { channel: string; to: string; body: string }
interface TimelineEvent { _id: string; channel: string; direction: string; kind: string; nodeId: string | null; journeyId: string | null; body: string | null }
interface InboundAnswer { eventId: string; contactId: string; duplicate: boolean; journeys: string[] }

const apiUrl = inject('apiUrl');
const lead = '+14155550123';
const ourNumber = '+15005550006';

describe('the missed-call text-back journey, end to end on the embedded stack', () => {
  let temporal: Client;
  let connection: Connection;

  beforeAll(async () => {
    connection = await Connection.connect({ address: inject('temporalAddress') });
    temporal = new Client({ connection });
    const install = await api(apiUrl, 'POST', '/api/flows/library/missed-call-text-back/install');
    expect([201, 409]).toContain(install.status);
    const publish = await api<{ version: number }>(apiUrl, 'POST', '/api/flows/missed-call-text-back/publish');
    expect(publish.status).toBe(201);
  });

  afterAll(async () => {
    await connection?.close();
  });

  it('texts the lead, hears the reply on WhatsApp, answers the pricing question and completes', async () => {
    const missed = await api<InboundAnswer>(apiUrl, 'POST', '/api/sandbox/missed-call', {
      from: '(415) 555-0123',
      to: ourNumber,
      callId: 'CA-e2e-1',
    });
    expect(missed.status).toBe(200);
    const { contactId } = missed.body;
    expect(missed.body.journeys).toEqual([`journey:missed-call-text-back:${contactId}`]);

    const textBack = await eventually(async () => {
      const sends = await api<{ messages: SandboxMessage[] }>(apiUrl, 'GET', `/api/sandbox/messages?to=${encodeURIComponent(lead)}`);
      return sends.body.messages.length >= 1 ? sends.body.messages[0] : undefined;
    }, 'the text-back SMS');
    expect(textBack).toMatchObject({ channel: 'sms', to: lead, body: 'Sorry we missed your call — what can we help with?' });

    const reply = await api<InboundAnswer>(apiUrl, 'POST', '/api/sandbox/messages', {
      channel: 'whatsapp',
      from: `whatsapp:${lead}`,
      text: 'Hi! How much does a install cost?',
      messageId: 'SM-e2e-reply-1',
    });
    expect(reply.status).toBe(200);
    expect(reply.body.contactId).toBe(contactId);

    const journeyId = `journey:missed-call-text-back:${contactId}`;
    const handle = temporal.workflow.getHandle(journeyId);
    await handle.result();

    const timeline = await api<{ events: TimelineEvent[] }>(apiUrl, 'GET', `/api/contacts/${contactId}/timeline`);
    // Other published flows (an inbound-message flow, say) may answer the same reply: the
    // timeline is the contact's, so look at this journey's sends.
    const outbound = timeline.body.events.filter((event) => event.direction === 'outbound' && event.journeyId === journeyId);
    expect(outbound.map((event) => [event.nodeId, event.channel])).toEqual([
      ['text_back', 'sms'],
      ['send_pricing', 'whatsapp'],
    ]);
    const inbound = timeline.body.events.filter((event) => event.direction === 'inbound');
    expect(inbound.map((event) => [event.kind, event.channel])).toEqual([
      ['call', 'voice'],
      ['message', 'whatsapp'],
    ]);

    const found = await eventually(async () => {
      const ids: string[] = [];
      const query = `ContactId = "${contactId}" AND FlowId = "missed-call-text-back"`;
      for await (const execution of temporal.workflow.list({ query })) {
        if (execution.status.name === 'COMPLETED') ids.push(execution.workflowId);
      }
      return ids.length > 0 ? ids : undefined;
    }, 'the completed journey in Temporal visibility by ContactId');
    expect(found).toEqual([journeyId]);

    const journeys = await api<{ journeys: Array<{ workflowId: string; status: string }> }>(
      apiUrl, 'GET', `/api/contacts/${contactId}/journeys`,
    );
    // Other published flows may have started journeys for the same contact on the reply.
    expect(journeys.body.journeys.find((journey) => journey.workflowId === journeyId)).toMatchObject({ status: 'COMPLETED' });
  });

  it('treats a provider retry of the same inbound message as nothing new', async () => {
    const first = await api<InboundAnswer>(apiUrl, 'POST', '/api/sandbox/missed-call', {
      from: '+14155550124',
      to: ourNumber,
      callId: 'CA-e2e-retry',
    });
    await eventually(async () => {
      const sends = await api<{ messages: SandboxMessage[] }>(apiUrl, 'GET', '/api/sandbox/messages?to=%2B14155550124');
      return sends.body.messages.length === 1 ? true : undefined;
    }, 'the text-back SMS');
    const timelineBefore = await api<{ events: TimelineEvent[] }>(apiUrl, 'GET', `/api/contacts/${first.body.contactId}/timeline`);

    const retry = await api<InboundAnswer>(apiUrl, 'POST', '/api/sandbox/missed-call', {
      from: '+14155550124',
      to: ourNumber,
      callId: 'CA-e2e-retry',
    });
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ eventId: first.body.eventId, contactId: first.body.contactId, duplicate: true, journeys: [] });

    await new Promise((resolve) => setTimeout(resolve, 500));
    const timelineAfter = await api<{ events: TimelineEvent[] }>(apiUrl, 'GET', `/api/contacts/${first.body.contactId}/timeline`);
    expect(timelineAfter.body.events).toEqual(timelineBefore.body.events);
    const sends = await api<{ messages: SandboxMessage[] }>(apiUrl, 'GET', '/api/sandbox/messages?to=%2B14155550124');
    expect(sends.body.messages).toHaveLength(1);
  });
});
