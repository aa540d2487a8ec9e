import pino from 'pino';
import { renderTemplate } from '@threadline/flows/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandboxProvider, listSandboxCalls, SandboxCrashError, type ChannelProvider } from '../channels';
import { startThrowawayStore, type ThrowawayStore } from '../testSupport/startThrowawayStore';
import { resolveContact } from '../store';
import type { PlaceCallInput } from './activityTypes';
import { parseQuietHours } from './compliance/complianceSettings';
import { placeCall, type PlaceCallDeps } from './placeCall';

let stack: ThrowawayStore;

beforeAll(async () => {
  stack = await startThrowawayStore();
}, 120_000);

afterAll(async () => {
  await stack?.stop();
});

const logger = pino({ level: 'silent' });

async function contactWith(id: string, phone: string, profile: { doNotCall?: boolean; optOuts?: string[] } = {}): Promise<void> {
  await stack.store.contacts.create({ _id: id, identities: [{ type: 'phone', value: phone }], optOuts: profile.optOuts ?? [], activeJourneys: [], doNotCall: profile.doNotCall ?? false });
}

function visitOf(contactId: string, runId: string): PlaceCallInput {
  return {
    journeyId: `journey:payment-reminder:${contactId}`,
    firstRunId: runId,
    flowId: 'payment-reminder',
    nodeId: 'call_customer',
    visit: 1,
    contactId,
    machineDetection: 'detectMessageEnd',
    timeoutSeconds: 30,
    context: {},
  };
}

function depsWith(provider: ChannelProvider): PlaceCallDeps {
  return { store: stack.store, provider, render: renderTemplate, logger };
}

/** The sandbox, except that its first placed call dies after the call went out, as a worker killed mid-call would. */
function crashingOnceAfterTheCall(): ChannelProvider {
  const sandbox = createSandboxProvider(stack.store);
  let crashed = false;
  return {
    ...sandbox,
    async placeCall(call) {
      const placed = await sandbox.placeCall(call);
      if (!crashed) {
        crashed = true;
        throw new SandboxCrashError('simulated crash after the call was placed');
      }
      return placed;
    },
  };
}

describe('placing the call of a call.outbound visit', () => {
  it('places the call once, with the answer and status URLs naming the journey, node and visit', async () => {
    await contactWith('c_call_once', '+14155550701');
    const deps = depsWith(createSandboxProvider(stack.store));
    const first = await placeCall(deps, visitOf('c_call_once', 'run-once'));
    const retried = await placeCall(deps, visitOf('c_call_once', 'run-once'));

    expect(first).toEqual({ status: 'placed', callSid: expect.stringMatching(/^CA[0-9a-f]{32}$/), to: '+14155550701' });
    expect(retried).toEqual(first);
    const calls = await listSandboxCalls(stack.store, { to: '+14155550701' });
    expect(calls).toEqual([
      expect.objectContaining({
        callSid: first.status === 'placed' ? first.callSid : '',
        machineDetection: 'detectMessageEnd',
        timeoutSeconds: 30,
        providerCalls: 1,
        answerPath: '/webhooks/twilio/voice/outbound?journey=journey%3Apayment-reminder%3Ac_call_once&node=call_customer&visit=1',
        statusCallbackPath: '/webhooks/twilio/voice/outbound/status?journey=journey%3Apayment-reminder%3Ac_call_once&node=call_customer&visit=1',
      }),
    ]);
  });

  it('never places a second call when an attempt died after the provider placed it', async () => {
    await contactWith('c_call_crash', '+14155550702');
    const deps = depsWith(crashingOnceAfterTheCall());
    await expect(placeCall(deps, visitOf('c_call_crash', 'run-crash'))).rejects.toThrow(SandboxCrashError);
    const retried = await placeCall(deps, visitOf('c_call_crash', 'run-crash'));

    expect(retried).toMatchObject({ status: 'placed', to: '+14155550702' });
    expect(await listSandboxCalls(stack.store, { to: '+14155550702' })).toEqual([expect.objectContaining({ providerCalls: 1 })]);
    const entry = await stack.store.outbox.findById('run-crash:call_customer:1').lean();
    expect(entry).toMatchObject({ status: 'sent', channel: 'voice', attempts: 2 });
  });

  it('blocks a contact who asked for no calls, and one who opted out of voice, with the reason on the timeline', async () => {
    await contactWith('c_no_calls', '+14155550703', { doNotCall: true });
    await contactWith('c_voice_out', '+14155550704', { optOuts: ['voice'] });
    const deps = depsWith(createSandboxProvider(stack.store));

    expect(await placeCall(deps, visitOf('c_no_calls', 'run-dnc'))).toEqual({ status: 'blocked', reason: 'the contact asked for no calls', to: '+14155550703' });
    expect(await placeCall(deps, visitOf('c_voice_out', 'run-optout'))).toEqual({ status: 'blocked', reason: 'the contact opted out of voice', to: '+14155550704' });
    expect(await listSandboxCalls(stack.store, { to: '+14155550703' })).toEqual([]);
    const decision = await stack.store.timeline.findById('decision:run-dnc:call_customer:1').lean();
    expect(decision).toMatchObject({ kind: 'decision', channel: 'voice', status: 'blocked', body: 'call blocked: the contact asked for no calls' });
  });

  it('reads the preference when it calls: "no calls" set after the journey started still blocks', async () => {
    await contactWith('c_late_dnc', '+14155550705');
    await stack.store.contacts.updateOne({ _id: 'c_late_dnc' }, { $set: { doNotCall: true } });
    // The journey's context still has the contact as it was when the journey started.
    const input = { ...visitOf('c_late_dnc', 'run-late'), context: { contact: { id: 'c_late_dnc', doNotCall: false, phone: '+14155550705' } } };
    expect(await placeCall(depsWith(createSandboxProvider(stack.store)), input)).toMatchObject({ status: 'blocked', reason: 'the contact asked for no calls' });
  });
});

describe('quiet hours for a call.outbound visit', () => {
  // 23:00 in Paris (summer time); 08:00 there is 06:00 UTC the next morning.
  const lateInParis = new Date('2026-07-14T21:00:00Z');
  const inParis = { contact: { timezone: 'Europe/Paris' } };
  const atNight = (now: Date): PlaceCallDeps => ({
    ...depsWith(createSandboxProvider(stack.store)),
    compliance: { quietHours: parseQuietHours('21:00-08:00'), frequencyCap: null },
    now: () => now,
  });

  it('defers a call in the contact\'s night without claiming or calling, records a retried deferral once, and calls at 08:00', async () => {
    await contactWith('c_call_quiet', '+14155550711');
    const input = { ...visitOf('c_call_quiet', 'run-quiet'), context: inParis };

    const first = await placeCall(atNight(lateInParis), input);
    const retried = await placeCall(atNight(lateInParis), input);

    expect(first).toEqual({
      status: 'deferred',
      until: '2026-07-15T06:00:00.000Z',
      localTime: '08:00',
      zone: 'Europe/Paris',
      reason: 'quiet hours 21:00–08:00 in Europe/Paris, until 08:00',
      to: '+14155550711',
    });
    expect(retried).toEqual(first);
    expect(await stack.store.outbox.findById('run-quiet:call_customer:1').lean()).toBeNull();
    expect(await listSandboxCalls(stack.store, { to: '+14155550711' })).toEqual([]);
    const deferrals = await stack.store.timeline.find({ contactId: 'c_call_quiet', status: 'deferred' }).lean();
    expect(deferrals).toEqual([
      expect.objectContaining({ _id: 'decision:run-quiet:call_customer:1:deferred:1', channel: 'voice', body: 'call deferred: quiet hours 21:00–08:00 in Europe/Paris, until 08:00' }),
    ]);

    const atEight = await placeCall(atNight(new Date('2026-07-15T06:00:00Z')), { ...input, deferrals: 1 });
    expect(atEight).toMatchObject({ status: 'placed', to: '+14155550711' });
    expect(await listSandboxCalls(stack.store, { to: '+14155550711' })).toEqual([expect.objectContaining({ providerCalls: 1 })]);
  });

  it('holds a call to the contact\'s own number written as `to`, in the flow\'s zone, and not a call to someone else', async () => {
    const { contactId } = await resolveContact(stack.store, { type: 'phone', value: '+14155550712' });
    const visit = (runId: string, to: string): PlaceCallInput => ({ ...visitOf(contactId, runId), to, timezone: 'Europe/Paris' });

    expect(await placeCall(atNight(lateInParis), visit('run-own-number', '+14155550712'))).toMatchObject({ status: 'deferred', zone: 'Europe/Paris' });
    expect(await placeCall(atNight(lateInParis), visit('run-staff', '+14155550799'))).toMatchObject({ status: 'placed', to: '+14155550799' });
  });

  it('keeps the call an earlier attempt placed just before the quiet began, rather than deferring it', async () => {
    await contactWith('c_call_before_quiet', '+14155550713');
    const input = { ...visitOf('c_call_before_quiet', 'run-before-quiet'), context: inParis };
    // 20:59 in Paris: the call goes; its result is lost and the retry runs at 23:00.
    const placed = await placeCall(atNight(new Date('2026-07-14T18:59:00Z')), input);
    const retried = await placeCall(atNight(lateInParis), input);

    expect(placed).toMatchObject({ status: 'placed' });
    expect(retried).toEqual(placed);
    expect(await stack.store.timeline.countDocuments({ contactId: 'c_call_before_quiet', status: 'deferred' })).toBe(0);
  });
});
