import { CURRENT_SCHEMA_VERSION } from '@threadline/flows';
import type { FlowDefinition } from '@threadline/flows/types';
import { STATE_QUERY, type JourneyState } from '@threadline/worker/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiUnderTest, type ApiUnderTest } from '../testing/startApiUnderTest';
import { eventually } from '../testing/eventually';
import { replayAndMaybeRecord } from '@threadline/worker/recorded-histories';

const FLOW_ID = 'payment-reminder';
const PAY_URL = 'https://pay.example.com/inv-77';

/**
 * A flow written before call.outbound had `blocked`: it routes `failed` only. It still
 * validates and publishes, and a blocked call takes `failed`.
 */
const callBeforeBlocked: FlowDefinition = {
  schemaVersion: CURRENT_SCHEMA_VERSION,
  id: 'call-before-blocked',
  name: 'Call before blocked',
  nodes: [
    { id: 'call_me', type: 'trigger.event', config: { event: 'call.me', payload: [] } },
    { id: 'call', type: 'call.outbound', config: { machineDetection: 'off', timeoutSeconds: 20 } },
    { id: 'end_talked', type: 'end', config: { outcome: 'talked', returns: [] } },
    { id: 'end_no_call', type: 'end', config: { outcome: 'noCall', returns: [] } },
  ],
  edges: [
    { from: 'call_me', output: 'next', to: 'call' },
    { from: 'call', output: 'human', to: 'end_talked' },
    { from: 'call', output: 'machine', to: 'end_talked' },
    { from: 'call', output: 'noAnswer', to: 'end_no_call' },
    { from: 'call', output: 'busy', to: 'end_no_call' },
    { from: 'call', output: 'failed', to: 'end_no_call' },
  ],
  layout: {},
};

let api: ApiUnderTest;

beforeAll(async () => {
  api = await startApiUnderTest({ worker: true });
  expect((await call('POST', `/api/flows/library/${FLOW_ID}/install`)).status).toBe(201);
  expect((await call('POST', `/api/flows/${FLOW_ID}/publish`)).status).toBe(201);
  expect((await call('POST', '/api/flows', { name: callBeforeBlocked.name, id: callBeforeBlocked.id, definition: callBeforeBlocked })).status).toBe(201);
  const published = await call('POST', `/api/flows/${callBeforeBlocked.id}/publish`);
  expect(published.status, JSON.stringify(published.body)).toBe(201);
}, 180_000);

afterAll(async () => {
  await api?.stop();
});

const call: ApiUnderTest['call'] = (method, url, payload) => api.call(method, url, payload);

interface PlacedCall {
  callSid: string;
  to: string;
  machineDetection: string;
  timeoutSeconds: number;
  providerCalls: number;
  answerPath: string;
  statusCallbackPath: string;
}

async function paymentFailed(phone: string): Promise<string> {
  const response = await call('POST', '/api/events', { name: 'payment.failed', contact: { phone }, data: { amount: '$40.00', payUrl: PAY_URL } });
  expect(response.status).toBe(200);
  return response.body.journeys[0];
}

async function placedCalls(phone: string): Promise<PlacedCall[]> {
  return (await call('GET', `/api/sandbox/calls/placed?to=${encodeURIComponent(phone)}`)).body.calls;
}

async function theCallTo(phone: string): Promise<PlacedCall> {
  return eventually(async () => (await placedCalls(phone))[0], `a call to ${phone}`);
}

async function smsTo(phone: string): Promise<Array<{ channel: string; body: string }>> {
  return (await call('GET', `/api/sandbox/messages?to=${encodeURIComponent(phone)}`)).body.messages;
}

async function endedTrace(journeyId: string) {
  return eventually(async () => {
    const trace = await call('GET', `/api/journeys/${encodeURIComponent(journeyId)}/trace`);
    return trace.body.journey?.closeTime ? trace.body : undefined;
  }, `${journeyId} to end`);
}

async function askForNoCalls(contactId: string): Promise<number> {
  return (await api.app.inject({ method: 'PATCH', url: `/api/contacts/${contactId}`, payload: { doNotCall: true } })).statusCode;
}

const form = (fields: Record<string, string>) => ({
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  payload: new URLSearchParams(fields).toString(),
});

const visitsOf = (trace: { visits: Array<Record<string, unknown>> }) => trace.visits.map(({ nodeId, output, detail }) => ({ nodeId, output, detail }));

describe('the payment reminder calls the customer', () => {
  it('places one call with machine detection, and on a machine texts the link and leaves the voicemail', async () => {
    const phone = '+14155550801';
    const journeyId = await paymentFailed(phone);
    const placed = await theCallTo(phone);
    expect(placed).toMatchObject({ machineDetection: 'detectMessageEnd', timeoutSeconds: 30, providerCalls: 1 });

    const answered = await call('POST', `/api/sandbox/calls/${placed.callSid}/answer`, { answeredBy: 'machine_end_beep' });
    expect(answered.status).toBe(200);
    expect(answered.body.twiml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><Response><Say>Hello, this is a message for you about your account\. Your payment of \$40\.00 did not go through\. We have just texted you a secure link to pay\. Thank you\.<\/Say><Hangup\/><\/Response>$/);
    expect(answered.body.next).toBeNull();
    expect(await smsTo(phone)).toEqual([expect.objectContaining({ channel: 'sms', body: expect.stringContaining(PAY_URL) })]);

    const trace = await endedTrace(journeyId);
    expect(trace.outcome).toBe('hung up');
    expect(visitsOf(trace).slice(1, 3)).toEqual([
      { nodeId: 'call_customer', output: 'machine', detail: 'answered: a machine answered (machine_end_beep)' },
      { nodeId: 'sms_voicemail_link', output: 'sent', detail: 'sent on sms' },
    ]);
    const state = await api.temporal.workflow.getHandle(journeyId).query<JourneyState>(STATE_QUERY);
    expect(state.nodes?.call_customer).toMatchObject({ status: 'answered', answeredBy: 'machine', callSid: placed.callSid });
    // The answer was taken once; the provider was asked once.
    expect(await placedCalls(phone)).toEqual([expect.objectContaining({ providerCalls: 1 })]);
    await replayAndMaybeRecord(api.workflowBundle!, api.temporal.workflow.getHandle(journeyId), 'payment-reminder-machine-voicemail');
  });

  it('on a person explains and offers the menu, and on 1 texts the link', async () => {
    const phone = '+14155550802';
    const journeyId = await paymentFailed(phone);
    const placed = await theCallTo(phone);
    // On call, the journey says what it waits for: the call to be answered, then the person's turn.
    const ringing = await eventually(async () => {
      const { journey } = (await call('GET', `/api/journeys/${encodeURIComponent(journeyId)}`)).body;
      return journey.pendingWait ? journey : undefined;
    }, 'the journey to wait for the answer');
    expect(ringing).toMatchObject({ stateError: null, journeyStatus: 'waiting', pendingWait: { nodeId: 'call_customer', kind: 'call', channels: ['voice'] } });

    const answered = await call('POST', `/api/sandbox/calls/${placed.callSid}/answer`, { answeredBy: 'human' });
    expect(answered.body.twiml).toContain('<Say>Hi there, we are calling because your payment of $40.00 did not go through.</Say><Gather input="dtmf speech"');
    expect(answered.body.next).toMatch(/^\/webhooks\/twilio\/voice\/turn\?journey=.*&node=pay_menu&visit=1&turn=1$/);
    const onTheLine = (await call('GET', `/api/journeys/${encodeURIComponent(journeyId)}`)).body.journey;
    expect(onTheLine).toMatchObject({ stateError: null, journeyStatus: 'waiting', currentNode: 'pay_menu', pendingWait: { nodeId: 'pay_menu', kind: 'caller', channels: ['voice'] } });
    expect(Date.parse(onTheLine.pendingWait.since)).toBeLessThan(Date.parse(onTheLine.pendingWait.until));

    const pressed = await call('POST', `/api/sandbox/calls/${placed.callSid}/input`, { digits: '1' });
    expect(pressed.body.twiml).toContain('<Say>We have texted you the link. Thank you, goodbye.</Say><Hangup/>');
    const trace = await endedTrace(journeyId);
    expect(visitsOf(trace).slice(1, 4)).toEqual([
      { nodeId: 'call_customer', output: 'human', detail: 'answered: a person answered' },
      { nodeId: 'say_payment_failed', output: 'next', detail: null },
      { nodeId: 'pay_menu', output: 'pay_now', detail: 'pressed 1' },
    ]);
    expect(await smsTo(phone)).toEqual([expect.objectContaining({ body: expect.stringContaining(`Here is your secure link to pay $40.00: ${PAY_URL}`) })]);
    await replayAndMaybeRecord(api.workflowBundle!, api.temporal.workflow.getHandle(journeyId), 'payment-reminder-person-pays');
  });

  it('takes noAnswer when the call goes unanswered, and texts instead', async () => {
    const phone = '+14155550803';
    const journeyId = await paymentFailed(phone);
    const placed = await theCallTo(phone);

    const ended = await call('POST', `/api/sandbox/calls/${placed.callSid}/end`, { status: 'no-answer' });
    expect(ended.body).toMatchObject({ taken: true });
    const trace = await endedTrace(journeyId);
    expect(trace.outcome).toBe('texted');
    expect(visitsOf(trace).slice(1, 3)).toEqual([
      { nodeId: 'call_customer', output: 'noAnswer', detail: 'noAnswer: nobody answered' },
      { nodeId: 'sms_missed_call', output: 'sent', detail: 'sent on sms' },
    ]);
    // A late answer to a call that is over is hung up on.
    const late = await call('POST', `/api/sandbox/calls/${placed.callSid}/answer`, { answeredBy: 'human' });
    expect(late.body.twiml).toBe('<?xml version="1.0" encoding="UTF-8"?><Response><Hangup/></Response>');
  });

  it('never calls a contact who asked for no calls: blocked, a text instead, and the timeline says why', async () => {
    const phone = '+14155550804';
    // A first event makes the contact; they then ask for no calls.
    const due = await call('POST', '/api/events', { name: 'payment.due', contact: { phone }, data: { amount: '$40.00', dueDate: 'May 1', payUrl: PAY_URL } });
    const contactId: string = due.body.contactId;
    await endedTrace(due.body.journeys[0]);
    expect((await askForNoCalls(contactId))).toBe(200);

    const journeyId = await paymentFailed(phone);
    const trace = await endedTrace(journeyId);
    expect(trace.outcome).toBe('texted');
    expect(visitsOf(trace).slice(1, 3)).toEqual([
      { nodeId: 'call_customer', output: 'blocked', detail: 'blocked: the contact asked for no calls' },
      { nodeId: 'sms_no_calls', output: 'sent', detail: 'sent on sms' },
    ]);
    expect(await placedCalls(phone)).toEqual([]);
    const timeline = await call('GET', `/api/contacts/${contactId}/timeline`);
    expect(timeline.body.events).toContainEqual(expect.objectContaining({ kind: 'decision', body: 'call blocked: the contact asked for no calls' }));
  });

  it('takes failed at a blocked call in a flow that has no blocked path, saying why', async () => {
    const phone = '+14155550805';
    const due = await call('POST', '/api/events', { name: 'payment.due', contact: { phone }, data: { amount: '$1', dueDate: 'May 1', payUrl: PAY_URL } });
    await endedTrace(due.body.journeys[0]);
    expect((await askForNoCalls(due.body.contactId))).toBe(200);

    const started = await call('POST', '/api/events', { name: 'call.me', contact: { phone } });
    const trace = await endedTrace(started.body.journeys[0]);
    expect(trace.outcome).toBe('noCall');
    expect(visitsOf(trace)[1]).toEqual({ nodeId: 'call', output: 'failed', detail: 'failed: call blocked: the contact asked for no calls (the flow has no blocked path)' });
    expect(await placedCalls(phone)).toEqual([]);
  });

  it('takes Twilio\'s own requests: the answer with AnsweredBy, form-encoded, then the status callback when they hang up', async () => {
    const phone = '+14155550806';
    const journeyId = await paymentFailed(phone);
    const placed = await theCallTo(phone);

    const answered = await api.app.inject({ method: 'POST', url: placed.answerPath, ...form({ CallSid: placed.callSid, CallStatus: 'in-progress', Direction: 'outbound-api', AnsweredBy: 'unknown' }) });
    expect(answered.statusCode).toBe(200);
    expect(answered.headers['content-type']).toContain('text/xml');
    expect(answered.body).toContain('<Gather input="dtmf speech"');

    const status = await api.app.inject({ method: 'POST', url: placed.statusCallbackPath, ...form({ CallSid: placed.callSid, CallStatus: 'completed', CallDuration: '12' }) });
    expect(status.statusCode).toBe(200);
    const trace = await endedTrace(journeyId);
    expect(trace.outcome).toBe('caller hung up');
    expect(visitsOf(trace).slice(1, 4)).toEqual([
      { nodeId: 'call_customer', output: 'human', detail: 'answered: detection could not tell (unknown): taken as a person' },
      { nodeId: 'say_payment_failed', output: 'next', detail: null },
      { nodeId: 'pay_menu', output: 'noInput', detail: 'caller hung up' },
    ]);
  });
});
