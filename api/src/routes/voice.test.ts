import { journeyWorkflowId } from '@threadline/worker/contract';
import { describe, expect, it } from 'vitest';
import { useApiUnderTest } from '../testing/useApiUnderTest';
import { twilioSignature } from '../voice/twilioSignature';
import { eventually } from '../testing/eventually';
import { replayAndMaybeRecord } from '@threadline/worker/recorded-histories';

const FLOW_ID = 'ivr-deflection';
const OUR_NUMBER = '+14155550199';
const MENU_PROMPT = 'Most questions are quickest online';

const { api, call } = useApiUnderTest({ worker: true, publishedLibraryFlows: [FLOW_ID] });

interface CallTurn {
  callSid: string;
  journeyId: string;
  twiml: string;
  next: string | null;
}

async function ring(from: string): Promise<CallTurn> {
  const answered = await call('POST', '/api/sandbox/calls', { from, to: OUR_NUMBER });
  expect(answered.status).toBe(200);
  return answered.body;
}

async function press(callSid: string, input: Record<string, unknown>): Promise<CallTurn> {
  const turn = await call('POST', `/api/sandbox/calls/${callSid}/input`, input);
  expect(turn.status).toBe(200);
  return turn.body;
}

async function endedTrace(journeyId: string) {
  return eventually(async () => {
    const trace = await call('GET', `/api/journeys/${encodeURIComponent(journeyId)}/trace`);
    return trace.body.journey?.closeTime ? trace.body : undefined;
  }, `${journeyId} to end`);
}

const visitsOf = (trace: { visits: Array<Record<string, unknown>> }) =>
  trace.visits.map(({ nodeId, output, detail }) => ({ nodeId, output, detail }));

describe('an inbound call through the IVR deflection flow', () => {
  it('answers with the menu, and on 1 texts the link, says so and hangs up', async () => {
    const phone = '+14155550601';
    const answered = await ring(phone);
    expect(answered.twiml).toContain('<Gather input="dtmf speech"');
    expect(answered.twiml).toContain(MENU_PROMPT);
    expect(answered.next).toMatch(/^\/webhooks\/twilio\/voice\/turn\?journey=.*&node=main_menu&visit=1&turn=1$/);

    const after = await press(answered.callSid, { digits: '1' });
    expect(after.twiml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response><Say>Done: we have texted you the link. Thanks for calling, goodbye.</Say><Hangup/></Response>',
    );
    expect(after.next).toBeNull();

    const sent = await call('GET', `/api/sandbox/messages?to=${encodeURIComponent(phone)}`);
    expect(sent.body.messages).toEqual([expect.objectContaining({ channel: 'sms', to: phone, body: expect.stringContaining('https://example.com/help') })]);
    const trace = await endedTrace(answered.journeyId);
    expect(trace.outcome).toBe('hung up');
    expect(visitsOf(trace)).toEqual([
      { nodeId: 'inbound_call', output: 'next', detail: 'on voice' },
      { nodeId: 'main_menu', output: 'text_link', detail: 'pressed 1' },
      { nodeId: 'sms_link', output: 'sent', detail: 'sent on sms' },
      { nodeId: 'say_link_sent', output: 'next', detail: null },
      { nodeId: 'hang_up', output: null, detail: 'hung up' },
    ]);
    await replayAndMaybeRecord(api.workflowBundle!, api.temporal.workflow.getHandle(answered.journeyId), 'ivr-deflection-press-1-link-sms');
  });

  it('takes "Option Two." as spoken to mean key 2 and puts the caller in the support queue', async () => {
    const answered = await ring('+14155550602');
    const queued = await press(answered.callSid, { speech: 'Option Two.' });
    expect(queued.twiml).toContain('<Enqueue action="/webhooks/twilio/voice/turn?journey=');
    expect(queued.twiml).toContain('&amp;node=connect_queue&amp;visit=1&amp;turn=2" method="POST">support</Enqueue>');

    const done = await press(answered.callSid, { dialStatus: 'bridged', dialDuration: 95 });
    expect(done.twiml).toContain('<Hangup/>');
    const trace = await endedTrace(answered.journeyId);
    expect(visitsOf(trace).slice(1, 3)).toEqual([
      { nodeId: 'main_menu', output: 'agent', detail: 'said "Option Two."' },
      { nodeId: 'connect_queue', output: 'completed', detail: 'completed: queue support: bridged' },
    ]);
    await replayAndMaybeRecord(api.workflowBundle!, api.temporal.workflow.getHandle(answered.journeyId), 'ivr-deflection-speech-to-queue');
  });

  it('repeats the menu once on no input, then takes a voicemail and thanks the caller', async () => {
    const answered = await ring('+14155550603');
    const again = await press(answered.callSid, {});
    expect(again.twiml).toContain(MENU_PROMPT);
    expect(again.next).toContain('node=main_menu&visit=1&turn=2');

    const voicemail = await press(answered.callSid, {});
    expect(voicemail.twiml).toContain('<Say>Please leave your name, number and a short message after the tone, and we will call you back.</Say><Record action=');
    expect(voicemail.next).toContain('node=take_voicemail&visit=1&turn=3');

    const thanked = await press(answered.callSid, { recordingUrl: 'https://api.twilio.com/recordings/RE1', recordingDuration: 12, digits: '#' });
    expect(thanked.twiml).toContain('<Say>Thank you, we have your message. Goodbye.</Say><Hangup/>');
    const trace = await endedTrace(answered.journeyId);
    expect(visitsOf(trace).slice(1)).toEqual([
      { nodeId: 'main_menu', output: 'noInput', detail: 'no input' },
      { nodeId: 'take_voicemail', output: 'recorded', detail: 'recorded 12s' },
      { nodeId: 'say_voicemail_thanks', output: 'next', detail: null },
      { nodeId: 'hang_up', output: null, detail: 'hung up' },
    ]);
    await replayAndMaybeRecord(api.workflowBundle!, api.temporal.workflow.getHandle(answered.journeyId), 'ivr-deflection-no-input-voicemail');
  });

  it('takes the voicemail\'s hangup output when the caller hangs up while recording', async () => {
    const answered = await ring('+14155550609');
    await press(answered.callSid, {});
    const voicemail = await press(answered.callSid, {});
    expect(voicemail.twiml).toContain('<Record action=');

    const gone = await press(answered.callSid, { recordingUrl: 'https://api.twilio.com/recordings/RE2', recordingDuration: 4, digits: 'hangup' });
    expect(gone.twiml).toBe('<?xml version="1.0" encoding="UTF-8"?><Response><Hangup/></Response>');
    const trace = await endedTrace(answered.journeyId);
    expect(trace.outcome).toBe('callerHungUp');
    expect(visitsOf(trace).slice(2)).toEqual([
      { nodeId: 'take_voicemail', output: 'hangup', detail: 'caller hung up' },
      { nodeId: 'end_caller_hung_up', output: null, detail: 'outcome callerHungUp' },
    ]);
  });

  it('ends the journey cleanly when the caller hangs up during the menu, saying so in the trace', async () => {
    const answered = await ring('+14155550604');
    const hungUp = await call('POST', `/api/sandbox/calls/${answered.callSid}/hangup`);
    expect(hungUp.body).toEqual({ callSid: answered.callSid, journeys: [answered.journeyId] });

    const trace = await endedTrace(answered.journeyId);
    expect(trace.journey.status).toBe('COMPLETED');
    expect(trace.outcome).toBe('callerHungUp');
    expect(visitsOf(trace).slice(1)).toEqual([
      { nodeId: 'main_menu', output: 'noInput', detail: 'caller hung up' },
      { nodeId: 'take_voicemail', output: 'hangup', detail: 'call ended' },
      { nodeId: 'end_caller_hung_up', output: null, detail: 'outcome callerHungUp' },
    ]);
    // The sandbox has no turn waiting on an ended call.
    const late = await call('POST', `/api/sandbox/calls/${answered.callSid}/input`, { digits: '1' });
    expect(late.status).toBe(409);
  });

  it('answers a retry of the first webhook (same CallSid) from the same journey, starting no second one', async () => {
    const phone = '+14155550605';
    const first = await ring(phone);
    const retry = await call('POST', '/api/sandbox/calls', { from: phone, to: OUR_NUMBER, callSid: first.callSid });
    expect(retry.body).toMatchObject({ callSid: first.callSid, journeyId: first.journeyId, duplicate: true, twiml: first.twiml });

    const contactId = retry.body.contactId as string;
    expect(first.journeyId).toBe(journeyWorkflowId(FLOW_ID, contactId));
    const runs: string[] = [];
    for await (const execution of api.temporal.workflow.list({ query: `WorkflowId = "${first.journeyId}"` })) runs.push(execution.runId);
    expect(runs).toHaveLength(1);
    await call('POST', `/api/sandbox/calls/${first.callSid}/hangup`);
    await endedTrace(first.journeyId);
  });
});

describe('the Twilio Voice webhooks', () => {
  const form = (fields: Record<string, string>) => ({
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
  });

  it('answer an incoming call and its turns with TwiML, form-encoded as Twilio posts them', async () => {
    const callSid = 'CA00000000000000000000000000000606';
    const incoming = await api.app.inject({ method: 'POST', url: '/webhooks/twilio/voice', ...form({ CallSid: callSid, From: '+14155550606', To: OUR_NUMBER, CallStatus: 'ringing', Direction: 'inbound' }) });
    expect(incoming.statusCode).toBe(200);
    expect(incoming.headers['content-type']).toBe('text/xml; charset=utf-8');
    const action = /action="([^"]*)"/.exec(incoming.body)?.[1]?.replace(/&amp;/g, '&');
    expect(action).toBeDefined();

    const turn = await api.app.inject({ method: 'POST', url: action ?? '', ...form({ CallSid: callSid, Digits: '1', CallStatus: 'in-progress', msg: 'Gather End' }) });
    expect(turn.body).toContain('we have texted you the link');

    const status = await api.app.inject({ method: 'POST', url: '/webhooks/twilio/voice/status', ...form({ CallSid: callSid, CallStatus: 'completed', CallDuration: '37' }) });
    expect(status.statusCode).toBe(200);
    expect((await api.store.timeline.findById(`twilio:${callSid}`).lean())?.status).toBe('completed');
  });

  it('refuse a request without a valid X-Twilio-Signature when an auth token is set (403), and take a signed one', async () => {
    const signed = await api.buildAnotherApp({ twilio: { twilioAuthToken: '12345', publicUrl: 'https://voice.example.com' } });
    {
      const fields = { CallSid: 'CA608', CallStatus: 'ringing', From: '+14155550608' };
      const unsigned = await signed.inject({ method: 'POST', url: '/webhooks/twilio/voice/status', ...form(fields) });
      expect(unsigned.statusCode).toBe(403);
      const forged = await signed.inject({ method: 'POST', url: '/webhooks/twilio/voice/status', headers: { ...form(fields).headers, 'x-twilio-signature': 'RSOYDt4T1cUTdK1PDd93/VVr8B8=' }, payload: form(fields).payload });
      expect(forged.statusCode).toBe(403);
      const signature = twilioSignature('12345', 'https://voice.example.com/webhooks/twilio/voice/status', fields);
      const genuine = await signed.inject({ method: 'POST', url: '/webhooks/twilio/voice/status', headers: { ...form(fields).headers, 'x-twilio-signature': signature }, payload: form(fields).payload });
      expect(genuine.statusCode).toBe(200);
    }
  });

  it('apologise and hang up on a caller no journey can take (a withheld number)', async () => {
    const incoming = await api.app.inject({ method: 'POST', url: '/webhooks/twilio/voice', ...form({ CallSid: 'CA607', From: 'anonymous', To: OUR_NUMBER }) });
    expect(incoming.statusCode).toBe(200);
    expect(incoming.body).toContain('<Say>Sorry, we cannot take your call right now.');
    expect(incoming.body).toContain('<Hangup/>');
  });
});
