/**
 * A voicemail's transcript reaches the flow: Twilio posts it to the recording's
 * transcribeCallback minutes after the call, and a node that reads it waits for it, after the
 * caller has heard the goodbye. Driven through the sandbox and through Twilio's own webhook.
 */
import { CURRENT_SCHEMA_VERSION } from '@threadline/flows';
import type { FlowDefinition } from '@threadline/flows/types';
import { STATE_QUERY, type JourneyState } from '@threadline/worker/contract';
import { replayAndMaybeRecord } from '@threadline/worker/recorded-histories';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../testing/eventually';
import { startApiUnderTest, type ApiUnderTest } from '../testing/startApiUnderTest';

const STAFF = '+14155550990';

const voicemailToStaff: FlowDefinition = {
  schemaVersion: CURRENT_SCHEMA_VERSION,
  id: 'voicemail-to-staff',
  name: 'Voicemail to staff',
  nodes: [
    { id: 'inbound_call', type: 'trigger.inboundCall', config: { numbers: [] } },
    { id: 'take_message', type: 'voice.record', config: { prompt: 'Please leave a message after the tone.', maxLengthSeconds: 60, transcribe: true, playBeep: true } },
    { id: 'say_thanks', type: 'voice.say', config: { text: 'Thank you, goodbye.', loop: 1 } },
    {
      id: 'notify_staff',
      type: 'send',
      config: { channel: 'sms', to: STAFF, template: 'Voicemail from {{ contact.phone }}: {{ nodes.take_message.transcript }}', mediaUrls: [], whatsappTemplateVariables: [] },
    },
    { id: 'end_notified', type: 'end', config: { outcome: 'notified', returns: [] } },
    { id: 'end_not_notified', type: 'end', config: { outcome: 'notNotified', returns: [] } },
    { id: 'end_no_message', type: 'end', config: { outcome: 'noMessage', returns: [] } },
  ],
  edges: [
    { from: 'inbound_call', output: 'next', to: 'take_message' },
    { from: 'take_message', output: 'recorded', to: 'say_thanks' },
    { from: 'take_message', output: 'noAudio', to: 'end_no_message' },
    { from: 'take_message', output: 'hangup', to: 'end_no_message' },
    { from: 'say_thanks', output: 'next', to: 'notify_staff' },
    { from: 'notify_staff', output: 'sent', to: 'end_notified' },
    { from: 'notify_staff', output: 'failed', to: 'end_not_notified' },
    { from: 'notify_staff', output: 'blocked', to: 'end_not_notified' },
  ],
  layout: {},
};

let api: ApiUnderTest;
const call: ApiUnderTest['call'] = (method, url, payload) => api.call(method, url, payload);

beforeAll(async () => {
  api = await startApiUnderTest({ worker: true });
  expect((await call('POST', '/api/flows', { name: voicemailToStaff.name, id: voicemailToStaff.id, definition: voicemailToStaff })).status).toBe(201);
  const published = await call('POST', `/api/flows/${voicemailToStaff.id}/publish`);
  expect(published.status, JSON.stringify(published.body)).toBe(201);
}, 180_000);

afterAll(async () => {
  await api?.stop();
});

interface Voicemail {
  callSid: string;
  journeyId: string;
  /** The TwiML answering the recording's action: what the caller hears last. */
  goodbye: string;
  /** The recording's transcribeCallback, unescaped. */
  transcribeCallback: string;
}

/** A caller rings and leaves a 9-second message. */
async function leaveVoicemail(from: string): Promise<Voicemail> {
  const answered = await call('POST', '/api/sandbox/calls', { from });
  expect(answered.status).toBe(200);
  const callback = /transcribeCallback="([^"]*)"/.exec(answered.body.twiml)?.[1]?.replace(/&amp;/g, '&');
  if (callback === undefined) throw new Error(`the recording asks for no transcript: ${answered.body.twiml}`);
  const recorded = await call('POST', `/api/sandbox/calls/${answered.body.callSid}/input`, { recordingUrl: 'https://api.twilio.com/recordings/RE9', recordingDuration: 9, digits: '#' });
  expect(recorded.status).toBe(200);
  return { callSid: answered.body.callSid, journeyId: answered.body.journeyId, goodbye: recorded.body.twiml, transcribeCallback: callback };
}

const state = (journeyId: string) => api.temporal.workflow.getHandle(journeyId).query<JourneyState>(STATE_QUERY);

async function textsToStaff(): Promise<string[]> {
  const sent = await call('GET', `/api/sandbox/messages?to=${encodeURIComponent(STAFF)}`);
  return sent.body.messages.map((message: { body: string }) => message.body);
}

async function waitingForTranscript(journeyId: string): Promise<JourneyState> {
  return eventually(async () => {
    const now = await state(journeyId);
    return now.pendingWait?.kind === 'transcript' ? now : undefined;
  }, `${journeyId} to wait for the transcript`);
}

async function ended(journeyId: string): Promise<JourneyState> {
  return api.temporal.workflow.getHandle(journeyId).result();
}

describe('a voicemail with transcription on', () => {
  it('lets the caller go at once, then texts the staff the transcript when it comes', async () => {
    const caller = '+14155550901';
    const voicemail = await leaveVoicemail(caller);
    expect(voicemail.transcribeCallback).toBe(`/webhooks/twilio/voice/transcription?journey=${encodeURIComponent(voicemail.journeyId)}&node=take_message&visit=1`);
    expect(voicemail.goodbye).toBe('<?xml version="1.0" encoding="UTF-8"?><Response><Say>Thank you, goodbye.</Say><Hangup/></Response>');

    const waiting = await waitingForTranscript(voicemail.journeyId);
    expect(waiting.pendingWait).toMatchObject({ nodeId: 'notify_staff', kind: 'transcript', event: 'take_message' });
    expect(waiting.nodes?.take_message).toMatchObject({ transcript: '', transcriptStatus: 'pending', durationSeconds: 9 });
    expect(await textsToStaff()).not.toContain(expect.stringContaining(caller));

    const posted = await call('POST', `/api/sandbox/calls/${voicemail.callSid}/transcription`, { text: 'Hi, please call me back about order 1234.' });
    expect(posted.body).toMatchObject({ nodeId: 'take_message', delivered: true });
    const done = await ended(voicemail.journeyId);
    expect(done).toMatchObject({ outcome: 'notified', pendingWait: null });
    expect(done.nodes?.take_message).toMatchObject({ transcript: 'Hi, please call me back about order 1234.', transcriptStatus: 'completed' });
    expect(await textsToStaff()).toContain(`Voicemail from ${caller}: Hi, please call me back about order 1234.`);

    const contactId = (await call('GET', `/api/journeys/${encodeURIComponent(voicemail.journeyId)}`)).body.journey.contactId;
    const timeline = await call('GET', `/api/contacts/${contactId}/timeline`);
    expect(timeline.body.events.map((event: { body: string }) => event.body)).toContain('voicemail transcript: Hi, please call me back about order 1234.');
    await replayAndMaybeRecord(api.workflowBundle!, api.temporal.workflow.getHandle(voicemail.journeyId), 'voicemail-transcript-texted-to-staff');
  });

  it("takes Twilio's form-encoded transcription callback, and a retry of it adds nothing", async () => {
    const caller = '+14155550902';
    const voicemail = await leaveVoicemail(caller);
    await waitingForTranscript(voicemail.journeyId);
    const twilioPosts = () =>
      api.app.inject({
        method: 'POST',
        url: voicemail.transcribeCallback,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({
          CallSid: voicemail.callSid,
          TranscriptionSid: 'TR0123456789abcdef0123456789abcdef',
          TranscriptionStatus: 'completed',
          TranscriptionText: 'It is about my invoice.',
          RecordingUrl: 'https://api.twilio.com/recordings/RE9',
          ApiVersion: '2010-04-01',
        }).toString(),
      });
    const first = await twilioPosts();
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toContain('text/xml');
    await ended(voicemail.journeyId);
    expect((await twilioPosts()).statusCode).toBe(200);

    expect((await textsToStaff()).filter((body) => body.startsWith(`Voicemail from ${caller}:`))).toEqual([`Voicemail from ${caller}: It is about my invoice.`]);
    const contactId = (await call('GET', `/api/journeys/${encodeURIComponent(voicemail.journeyId)}`)).body.journey.contactId;
    const timeline = await call('GET', `/api/contacts/${contactId}/timeline`);
    expect(timeline.body.events.filter((event: { body: string | null }) => event.body?.startsWith('voicemail transcript'))).toHaveLength(1);
  });

  it('goes on with an empty transcript when the transcription failed, saying so', async () => {
    const caller = '+14155550903';
    const voicemail = await leaveVoicemail(caller);
    await waitingForTranscript(voicemail.journeyId);
    await call('POST', `/api/sandbox/calls/${voicemail.callSid}/transcription`, { status: 'failed' });
    const done = await ended(voicemail.journeyId);
    expect(done.nodes?.take_message).toMatchObject({ transcript: '', transcriptStatus: 'failed' });
    expect(await textsToStaff()).toContain(`Voicemail from ${caller}: `);
  });

  it('stops waiting when the simulator skips the wait: the transcript reads empty and timed out', async () => {
    const caller = '+14155550904';
    const voicemail = await leaveVoicemail(caller);
    await waitingForTranscript(voicemail.journeyId);
    const skipped = await call('POST', `/api/journeys/${encodeURIComponent(voicemail.journeyId)}/skip-wait`, {});
    expect(skipped.status).toBe(202);
    const done = await ended(voicemail.journeyId);
    expect(done.nodes?.take_message).toMatchObject({ transcript: '', transcriptStatus: 'timedOut' });
    expect(done.visits?.find((visit) => visit.nodeId === 'notify_staff')).toMatchObject({ output: 'sent' });
    // A transcript that comes after all is on the timeline, and the journey is not bothered.
    const late = await call('POST', `/api/sandbox/calls/${voicemail.callSid}/transcription`, { text: 'Too late.' });
    expect(late.body).toMatchObject({ delivered: false });
  });

  it('refuses a transcription callback without its journey, naming the query field (400)', async () => {
    const response = await api.app.inject({
      method: 'POST',
      url: '/webhooks/twilio/voice/transcription?node=take_message&visit=1',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ CallSid: 'CA1', TranscriptionSid: 'TR1', TranscriptionStatus: 'completed', TranscriptionText: 'x' }).toString(),
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('journey');
  });
});
