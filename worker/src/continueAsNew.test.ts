/**
 * A journey that loops thousands of times through an hour's delay, on the time-skipping test
 * server: it continues as new before its history grows large, carrying its state, and ends with
 * the count right, its trace and `state` query intact and its replies kept.
 */
import { randomUUID } from 'node:crypto';
import type { temporal } from '@temporalio/proto';
import { CURRENT_SCHEMA_VERSION } from '@threadline/flows';
import type { FlowDefinition } from '@threadline/flows/types';
import { describe, expect, it } from 'vitest';
import { INBOUND_EVENT_SIGNAL, JOURNEY_WORKFLOW_TYPE, STATE_QUERY, type InboundEvent, type JourneyInput, type JourneyState } from './journeys/contract';
import { journeyStartOptions } from './journeys/journeyStartOptions';
import { resolveContact } from './store';
import { createSkippingWorker, useTimeSkippingHarness } from './testSupport/timeSkippingHarness';
import { CONTINUE_AS_NEW_AFTER_EVENTS } from './workflows/continueAsNew';

const ROUNDS = 3000;

/** count → delay 1h → again while the counter is under 3000, then two replies and a send. */
const hourlyLoop: FlowDefinition = {
  schemaVersion: CURRENT_SCHEMA_VERSION,
  id: 'hourly-loop',
  name: 'Hourly loop',
  nodes: [
    { id: 'start', type: 'trigger.event', config: { event: 'loop.start', payload: [] } },
    { id: 'count', type: 'setVariables', config: { assignments: [{ name: 'counter', value: '{{ vars.counter | plus: 1 }}', type: 'number' }] } },
    { id: 'tick', type: 'delay', config: { duration: '1h' } },
    { id: 'more', type: 'split', config: { input: '{{ vars.counter }}', conditions: [{ output: 'again', operator: 'lessThan', values: [String(ROUNDS)] }] } },
    { id: 'first_reply', type: 'waitForReply', config: { channels: [], timeout: '1h', maxReprompts: 0 } },
    { id: 'second_reply', type: 'waitForReply', config: { channels: [], timeout: '1h', maxReprompts: 0 } },
    {
      id: 'done',
      type: 'send',
      config: { channel: 'sms', template: 'Counted {{ vars.counter }}; you said {{ nodes.first_reply.reply.text }}, then {{ reply.text }}', mediaUrls: [], whatsappTemplateVariables: [] },
    },
    { id: 'end_done', type: 'end', config: { outcome: 'done', returns: [] } },
    { id: 'end_quiet', type: 'end', config: { outcome: 'quiet', returns: [] } },
  ],
  edges: [
    { from: 'start', output: 'next', to: 'count' },
    { from: 'count', output: 'next', to: 'tick' },
    { from: 'tick', output: 'next', to: 'more' },
    { from: 'more', output: 'again', to: 'count' },
    { from: 'more', output: 'else', to: 'first_reply' },
    { from: 'first_reply', output: 'replied', to: 'second_reply' },
    { from: 'first_reply', output: 'timeout', to: 'end_quiet' },
    { from: 'second_reply', output: 'replied', to: 'done' },
    { from: 'second_reply', output: 'timeout', to: 'end_quiet' },
    { from: 'done', output: 'sent', to: 'end_done' },
    { from: 'done', output: 'failed', to: 'end_quiet' },
    { from: 'done', output: 'blocked', to: 'end_quiet' },
  ],
  layout: {},
};

const harness = useTimeSkippingHarness('threadline_continue_as_new');

function reply(phone: string, id: string, text: string): InboundEvent {
  return { eventId: `sandbox:SM-${id}`, kind: 'message', channel: 'sms', from: phone, text, at: new Date().toISOString() };
}

/** Every run of the chain, first to last, with its history length, following continued-as-new events. */
async function runChain(workflowId: string, firstRunId: string): Promise<Array<{ runId: string; events: number }>> {
  const runs: Array<{ runId: string; events: number }> = [];
  let runId: string | null | undefined = firstRunId;
  while (runId) {
    const history: temporal.api.history.v1.IHistory = await harness.env.client.workflow.getHandle(workflowId, runId).fetchHistory();
    const events: temporal.api.history.v1.IHistoryEvent[] = history.events ?? [];
    runs.push({ runId, events: events.length });
    runId = events.at(-1)?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId;
  }
  return runs;
}

describe('a journey looping thousands of times through a delay', () => {
  it('continues as new before its history grows large, and ends with its count, trace, replies and send right', { timeout: 600_000 }, async () => {
    const phone = '+14155550188';
    const { contactId } = await resolveContact(harness.store, { type: 'phone', value: phone });
    const { worker, taskQueue } = await createSkippingWorker(harness, 'journeys-continue-as-new');
    const input: JourneyInput = {
      flowId: hourlyLoop.id,
      flowVersion: 1,
      contactId,
      definition: hourlyLoop,
      triggerNodeId: 'start',
      trigger: { eventId: `api:loop-${randomUUID()}`, kind: 'event', channel: 'sms', from: phone, name: 'loop.start', data: {}, at: new Date().toISOString() },
    };
    const options = journeyStartOptions(input, taskQueue);
    let firstRunId = '';

    const result = await worker.runUntil(async () => {
      const handle = await harness.env.client.workflow.start(JOURNEY_WORKFLOW_TYPE, options);
      firstRunId = handle.firstExecutionRunId;
      // Taken only after the loop: it rides along in the inbox through every continue-as-new.
      await handle.signal(INBOUND_EVENT_SIGNAL, reply(phone, 'early', 'early bird'));
      // Half the loop on the skipping clock, then look at the journey mid-way.
      await harness.env.sleep(ROUNDS * 30 * 60 * 1000);
      const midway = await runChain(options.workflowId, firstRunId);
      expect(midway.length).toBeGreaterThan(1);
      const state = await handle.query<JourneyState>(STATE_QUERY);
      expect(state.status).toBe('waiting');
      expect(state.currentNodeId).toBe('tick');
      expect(state.vars.counter).toBeGreaterThan(1000);
      expect(state.visits?.length).toBe(500);
      expect(state.droppedVisits).toBeGreaterThan(0);
      // Visit numbers go on from the previous runs: they key sends, and must never repeat.
      expect(state.visits?.at(-1)).toMatchObject({ nodeId: 'tick', visit: state.vars.counter, leftAt: null });
      // Sent to the workflow id, so to whichever run is current: a run that has continued as new.
      await harness.env.client.workflow.getHandle(options.workflowId).signal(INBOUND_EVENT_SIGNAL, reply(phone, 'late', 'late owl'));
      // A provider retry of the early reply after several runs is still recognised.
      await harness.env.client.workflow.getHandle(options.workflowId).signal(INBOUND_EVENT_SIGNAL, reply(phone, 'early', 'early bird'));
      return (await harness.env.client.workflow.getHandle(options.workflowId).result()) as JourneyState;
    });

    expect(result).toMatchObject({ status: 'completed', outcome: 'done' });
    expect(result.vars.counter).toBe(ROUNDS);
    expect(result.path.slice(-4)).toEqual(['first_reply', 'second_reply', 'done', 'end_done']);
    expect(result.visits?.at(-3)).toMatchObject({ nodeId: 'second_reply', output: 'replied' });

    const described = await harness.env.client.workflow.getHandle(options.workflowId).describe();
    const runs = await runChain(options.workflowId, firstRunId);
    expect(runs.at(-1)?.runId).toBe(described.runId);
    expect(runs.length).toBeGreaterThanOrEqual(3);
    for (const run of runs) expect(run.events).toBeLessThan(CONTINUE_AS_NEW_AFTER_EVENTS + 50);

    // The send is keyed by the first run's id, as every send of the journey is.
    const outbox = await harness.store.outbox.findById(`${firstRunId}:done:1`).lean();
    expect(outbox).toMatchObject({ status: 'sent', body: `Counted ${ROUNDS}; you said early bird, then late owl` });
  });
});
