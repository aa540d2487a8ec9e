/**
 * A call whose turns never come (Twilio gave up, the status callback was lost) must not leave
 * a journey stuck: the node waiting for the caller gives up on a durable timer and the call is
 * treated as hung up. On the time-skipping server the timer fires in no time.
 */
import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Runtime } from '@temporalio/worker';
import { flowLibrary } from '@threadline/flows';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createJourneyWorker, pinoTemporalLogger } from './createJourneyWorker';
import { JOURNEY_WORKFLOW_TYPE, type JourneyInput, type JourneyState } from './journeys/contract';
import { connectStore, resolveContact, type Store } from './store';
import { startTimeSkippingServer } from './testSupport/startTimeSkippingServer';

const ivrFlow = flowLibrary.find((flow) => flow.id === 'ivr-deflection')?.definition;
if (!ivrFlow) throw new Error('the flow library lacks ivr-deflection');

const logger = pino({ level: process.env.LOG_LEVEL ?? 'warn' });
let env: TestWorkflowEnvironment;
let store: Store;

beforeAll(async () => {
  Runtime.install({ logger: pinoTemporalLogger(logger) });
  env = await startTimeSkippingServer();
  store = await connectStore(inject('mongoUri').replace(/\/[^/]*$/, '/threadline_voice_timeout'));
});

afterAll(async () => {
  await store?.connection.close();
  await env?.teardown();
});

describe('an inbound call whose caller never answers the menu', () => {
  it('gives up on the turn after the menu timeout plus grace, and ends the journey as a hangup', async () => {
    const phone = '+14155550188';
    const { contactId } = await resolveContact(store, { type: 'phone', value: phone });
    const taskQueue = `journeys-voice-timeout-${randomUUID()}`;
    const worker = await createJourneyWorker({ connection: env.nativeConnection, taskQueue, store, logger });
    const input: JourneyInput = {
      flowId: ivrFlow.id,
      flowVersion: 1,
      contactId,
      definition: ivrFlow,
      triggerNodeId: 'inbound_call',
      trigger: { eventId: `sandbox:CA-${phone}`, kind: 'call', channel: 'voice', from: phone, at: new Date().toISOString() },
    };

    const workflowId = `journey:${ivrFlow.id}:${contactId}`;
    const state = (await worker.runUntil(env.client.workflow.execute(JOURNEY_WORKFLOW_TYPE, { taskQueue, workflowId, args: [input] }))) as JourneyState;

    expect(state).toMatchObject({ status: 'completed', outcome: 'callerHungUp' });
    expect(state.visits?.map(({ nodeId, output, detail }) => ({ nodeId, output, detail }))).toEqual([
      { nodeId: 'inbound_call', output: 'next', detail: 'on voice' },
      { nodeId: 'main_menu', output: 'noInput', detail: 'caller hung up' },
      { nodeId: 'take_voicemail', output: 'hangup', detail: 'call ended' },
      { nodeId: 'end_caller_hung_up', output: null, detail: 'outcome callerHungUp' },
    ]);
    // One timer, and it fired: the menu's 5 s, the prompt's reading time (156 characters, 13 s)
    // and two minutes' grace, as the menu listens for speech too.
    const { events } = await env.client.workflow.getHandle(workflowId).fetchHistory();
    const timers = (events ?? []).filter((event) => event.timerStartedEventAttributes);
    expect(timers.map((event) => Number(event.timerStartedEventAttributes?.startToFireTimeout?.seconds))).toEqual([138]);
    expect((events ?? []).filter((event) => event.timerFiredEventAttributes)).toHaveLength(1);
  });
});
