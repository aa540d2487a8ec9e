/**
 * The logic and data nodes (setVariables, intent, abSplit, businessHours, waitUntil, delay)
 * through small flows on real Temporal servers: the dev server for the nodes that decide at
 * once, the time-skipping test server for the ones that wait, so "2d" passes in seconds.
 * Node results are read back through a final setVariables, which is also how a flow reads them.
 */
import { randomUUID } from 'node:crypto';
import { WorkflowFailedError } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Runtime } from '@temporalio/worker';
import { CURRENT_SCHEMA_VERSION } from '@threadline/flows';
import { pickBranch } from '@threadline/flows/runtime';
import type { FlowDefinition, FlowEdge, FlowNode, Schedule } from '@threadline/flows/types';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJourneyWorker, pinoTemporalLogger } from './createJourneyWorker';
import { JOURNEY_WORKFLOW_TYPE, type InboundEvent, type JourneyInput, type JourneyState } from './journeys/contract';
import { journeyStartOptions } from './journeys/journeyStartOptions';
import { resolveContact } from './store';
import { startWorkerTestStack, type WorkerTestStack } from './testSupport/startWorkerTestStack';
import { startTimeSkippingServer } from './testSupport/startTimeSkippingServer';

const logger = pino({ level: process.env.LOG_LEVEL ?? 'warn' });
let stack: WorkerTestStack;
let skipping: TestWorkflowEnvironment;
let phoneCounter = 0;

beforeAll(async () => {
  Runtime.install({ logger: pinoTemporalLogger(logger) });
  stack = await startWorkerTestStack();
  skipping = await startTimeSkippingServer();
});

afterAll(async () => {
  await skipping?.teardown();
  await stack?.stop();
});

/**
 * A zone where it is about noon at `nowMs`, so a schedule in it is open (09:00–15:00) or
 * closed (01:00–02:00) every day whatever time the test runs. Etc/GMT signs are inverted:
 * Etc/GMT-5 is five hours ahead of UTC.
 */
function zoneAtNoon(nowMs: number): string {
  const utcHour = new Date(nowMs).getUTCHours();
  const ahead = ((12 - utcHour + 36) % 24) - 12;
  if (ahead === 0) return 'Etc/GMT';
  return ahead > 0 ? `Etc/GMT-${ahead}` : `Etc/GMT+${-ahead}`;
}

const EVERY_DAY: Schedule['hours'][number]['days'] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const openSchedule = (timezone: string): Schedule => ({ timezone, hours: [{ days: EVERY_DAY, from: '09:00', to: '15:00' }], holidays: [] });
const closedSchedule = (timezone: string): Schedule => ({ timezone, hours: [{ days: EVERY_DAY, from: '01:00', to: '02:00' }], holidays: [] });

function flow(id: string, nodes: FlowNode[], edges: FlowEdge[]): FlowDefinition {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id,
    name: id,
    nodes: [{ id: 'hello', type: 'trigger.inboundMessage', config: { channels: [] } }, ...nodes, { id: 'done', type: 'end', config: { outcome: 'done', returns: [] } }],
    edges,
    layout: {},
  };
}

const AB_BRANCHES = [{ output: 'a', weight: 1 }, { output: 'b', weight: 1 }];

/** Variables, intent, A/B split and business hours in one pass, then what they recorded. */
function logicTour(hours: Schedule): FlowDefinition {
  return flow(
    'logic-tour',
    [
      {
        id: 'set_vars',
        type: 'setVariables',
        config: {
          assignments: [
            { name: 'words', value: '{{ trigger.text | downcase }}', type: 'text' },
            { name: 'total', value: '{% assign base = 40 %}{{ base | plus: 2 }}', type: 'number' },
            { name: 'summary', value: '{{ vars.words | size }} chars, total {{ vars.total }}', type: 'text' },
          ],
        },
      },
      {
        id: 'classify',
        type: 'intent',
        config: {
          input: '{{ vars.words }}',
          intents: [
            { output: 'billing', examples: ['I was charged twice'], keywords: ['refund', 'invoice'] },
            { output: 'support', examples: ['the app does not work'], keywords: ['broken'] },
          ],
        },
      },
      { id: 'ab', type: 'abSplit', config: { branches: AB_BRANCHES } },
      { id: 'hours', type: 'businessHours', config: { schedule: hours } },
      { id: 'wait_open', type: 'waitUntil', config: { schedule: hours } },
      {
        id: 'record',
        type: 'setVariables',
        config: {
          assignments: [
            { name: 'intent', value: '{{ nodes.classify.intent }}', type: 'text' },
            { name: 'confidence', value: '{{ nodes.classify.confidence }}', type: 'number' },
            { name: 'branch', value: '{{ nodes.ab.branch }}', type: 'text' },
          ],
        },
      },
      { id: 'end_other', type: 'end', config: { outcome: 'other', returns: [] } },
      { id: 'end_closed', type: 'end', config: { outcome: 'closed', returns: [] } },
    ],
    [
      { from: 'hello', output: 'next', to: 'set_vars' },
      { from: 'set_vars', output: 'next', to: 'classify' },
      { from: 'classify', output: 'billing', to: 'ab' },
      { from: 'classify', output: 'support', to: 'end_other' },
      { from: 'classify', output: 'unknown', to: 'end_other' },
      { from: 'ab', output: 'a', to: 'hours' },
      { from: 'ab', output: 'b', to: 'hours' },
      { from: 'hours', output: 'open', to: 'wait_open' },
      { from: 'hours', output: 'closed', to: 'end_closed' },
      { from: 'wait_open', output: 'next', to: 'record' },
      { from: 'record', output: 'next', to: 'done' },
    ],
  );
}

async function journeyInput(definition: FlowDefinition, text: string, at: string): Promise<JourneyInput> {
  phoneCounter += 1;
  const phone = `+1415556${String(1000 + phoneCounter).padStart(4, '0')}`;
  const { contactId } = await resolveContact(stack.store, { type: 'phone', value: phone });
  const trigger: InboundEvent = { eventId: `sandbox:SM-${randomUUID()}`, kind: 'message', channel: 'sms', from: phone, text, at };
  return { flowId: definition.id, flowVersion: 1, contactId, definition, triggerNodeId: 'hello', trigger };
}

/** Runs a journey to its end on the dev server and returns its final state. */
async function runOnDevServer(definition: FlowDefinition, text: string): Promise<{ state: JourneyState; workflowId: string }> {
  const options = journeyStartOptions(await journeyInput(definition, text, new Date().toISOString()), stack.taskQueue);
  const state = (await stack.client.workflow.execute(JOURNEY_WORKFLOW_TYPE, options)) as JourneyState;
  return { state, workflowId: options.workflowId };
}

interface SkippedJourney {
  state: JourneyState;
  /** From the journey's start to its completion, on the server's clock (from its history). */
  elapsedMs: number;
  /** The durable timers it started: how long each, and the summary the Temporal UI shows. */
  timers: Array<{ ms: number; summary: string | undefined }>;
}

/**
 * Runs a journey to its end on the skipping clock, with a worker of its own (a worker runs
 * once). Elapsed time comes from the history: the test server may skip on once it is done.
 */
async function runOnSkippingClock(definition: FlowDefinition): Promise<SkippedJourney> {
  const taskQueue = `journeys-logic-skipping-${randomUUID()}`;
  const worker = await createJourneyWorker({ connection: skipping.nativeConnection, taskQueue, store: stack.store, logger, workflowBundle: stack.workflowBundle });
  const input = await journeyInput(definition, 'hi', new Date(await skipping.currentTimeMs()).toISOString());
  const { workflowId } = journeyStartOptions(input, taskQueue);
  const state = (await worker.runUntil(
    skipping.client.workflow.execute(JOURNEY_WORKFLOW_TYPE, { taskQueue, workflowId, args: [input] }),
  )) as JourneyState;

  const events = (await skipping.client.workflow.getHandle(workflowId).fetchHistory()).events ?? [];
  const timeOf = (event: (typeof events)[number] | undefined) => Number(event?.eventTime?.seconds ?? 0) * 1000 + Math.round((event?.eventTime?.nanos ?? 0) / 1e6);
  const started = events.find((event) => event.workflowExecutionStartedEventAttributes);
  const completed = events.find((event) => event.workflowExecutionCompletedEventAttributes);
  const timers = events.flatMap((event) => {
    const timeout = event.timerStartedEventAttributes?.startToFireTimeout;
    if (!timeout) return [];
    const summary = event.userMetadata?.summary;
    return [{
      ms: Number(timeout.seconds ?? 0) * 1000 + Math.round((timeout.nanos ?? 0) / 1e6),
      summary: summary ? defaultPayloadConverter.fromPayload<string>(summary) : undefined,
    }];
  });
  return { state, elapsedMs: timeOf(completed) - timeOf(started), timers };
}

describe('the logic and data nodes on the dev server', () => {
  it('sets variables in order, classifies the reply, keeps the journey\'s A/B branch and goes through open hours', async () => {
    const { state, workflowId } = await runOnDevServer(logicTour(openSchedule(zoneAtNoon(Date.now()))), 'Where is my REFUND?');

    const branch = pickBranch({ branches: AB_BRANCHES }, `${workflowId}:ab`);
    expect(state).toMatchObject({ status: 'completed', outcome: 'done' });
    expect(state.path).toEqual(['hello', 'set_vars', 'classify', 'ab', 'hours', 'wait_open', 'record', 'done']);
    expect(state.vars).toEqual({
      words: 'where is my refund?',
      total: 42,
      summary: '19 chars, total 42',
      intent: 'billing',
      confidence: expect.any(Number),
      branch,
    });
    expect(state.vars.confidence).toBeGreaterThan(0);
  });

  it('takes closed out of business hours', async () => {
    const { state } = await runOnDevServer(logicTour(closedSchedule(zoneAtNoon(Date.now()))), 'I need a refund');

    expect(state).toMatchObject({ status: 'completed', outcome: 'closed' });
    expect(state.path).toEqual(['hello', 'set_vars', 'classify', 'ab', 'hours', 'end_closed']);
  });

  it('takes unknown from an intent node when the reply matches no intent', async () => {
    const { state } = await runOnDevServer(logicTour(openSchedule('UTC')), 'zzz qqq');

    expect(state).toMatchObject({ status: 'completed', outcome: 'other' });
    expect(state.path).toEqual(['hello', 'set_vars', 'classify', 'end_other']);
  });

  it('fails the journey naming the node and the variable when a value is not of its type', async () => {
    const definition = flow(
      'bad-variable',
      [{ id: 'set_vars', type: 'setVariables', config: { assignments: [{ name: 'count', value: '{{ trigger.text }}', type: 'number' }] } }],
      [
        { from: 'hello', output: 'next', to: 'set_vars' },
        { from: 'set_vars', output: 'next', to: 'done' },
      ],
    );

    const failure = await runOnDevServer(definition, 'not a number').catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(WorkflowFailedError);
    expect((failure as WorkflowFailedError).cause?.message).toMatch(/^flow definition, node "set_vars": variable "count": expected a number/);
  });
});

describe('the waiting logic nodes on a skipping clock', () => {
  it('waits out a 2d delay, then goes on', async () => {
    const definition = flow('two-day-delay', [{ id: 'pause', type: 'delay', config: { duration: '2d' } }], [
      { from: 'hello', output: 'next', to: 'pause' },
      { from: 'pause', output: 'next', to: 'done' },
    ]);

    const { state, elapsedMs, timers } = await runOnSkippingClock(definition);

    expect(state).toMatchObject({ status: 'completed', outcome: 'done' });
    expect(state.path).toEqual(['hello', 'pause', 'done']);
    expect(timers).toEqual([{ ms: 2 * 24 * 60 * 60 * 1000, summary: 'delay 2d' }]);
    expect(elapsedMs).toBeGreaterThanOrEqual(2 * 24 * 60 * 60 * 1000);
    expect(elapsedMs).toBeLessThan(2 * 24 * 60 * 60 * 1000 + 60_000);
  });

  it('waits until the schedule opens when it is closed, then goes on', async () => {
    // About noon in the zone; the schedule opens at 01:00 tomorrow, 12 to 13 hours away.
    const zone = zoneAtNoon(await skipping.currentTimeMs());
    const definition = flow('wait-until-open', [{ id: 'wait_open', type: 'waitUntil', config: { schedule: closedSchedule(zone) } }], [
      { from: 'hello', output: 'next', to: 'wait_open' },
      { from: 'wait_open', output: 'next', to: 'done' },
    ]);

    const { state, elapsedMs, timers } = await runOnSkippingClock(definition);

    expect(state).toMatchObject({ status: 'completed', outcome: 'done' });
    expect(state.path).toEqual(['hello', 'wait_open', 'done']);
    expect(timers).toHaveLength(1);
    expect(timers[0]?.summary).toMatch(/^wait until open: (Mon|Tue|Wed|Thu|Fri|Sat|Sun) 01:00 /);
    expect(timers[0]?.summary?.endsWith(` ${zone}`)).toBe(true);
    expect(elapsedMs).toBeGreaterThan(12 * 60 * 60 * 1000 - 60_000);
    expect(elapsedMs).toBeLessThan(13 * 60 * 60 * 1000 + 60_000);
  });
});
