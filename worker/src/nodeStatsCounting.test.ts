import { CURRENT_SCHEMA_VERSION } from '@threadline/flows';
import type { FlowDefinition } from '@threadline/flows/types';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from './activities';
import { createSandboxProvider } from './channels';
import { JOURNEY_WORKFLOW_TYPE, type InboundEvent, type JourneyInput } from './journeys/contract';
import { journeyStartOptions } from './journeys/journeyStartOptions';
import { readNodeCounts, resolveContact } from './store';
import { startWorkerTestStack, type WorkerTestStack } from './testSupport/startWorkerTestStack';

let stack: WorkerTestStack;

beforeAll(async () => {
  stack = await startWorkerTestStack();
}, 180_000);

afterAll(async () => {
  await stack?.stop();
});

async function contactFor(phone: string): Promise<string> {
  return (await resolveContact(stack.store, { type: 'phone', value: phone })).contactId;
}

function message(phone: string): InboundEvent {
  return { eventId: `sandbox:SM-${phone}`, kind: 'message', channel: 'sms', from: phone, text: 'hi', at: new Date().toISOString() };
}

async function runJourney(definition: FlowDefinition, phone: string): Promise<unknown> {
  const contactId = await contactFor(phone);
  const input: JourneyInput = { flowId: definition.id, flowVersion: 1, contactId, definition, triggerNodeId: 'hello', trigger: message(phone) };
  const handle = await stack.client.workflow.start(JOURNEY_WORKFLOW_TYPE, journeyStartOptions(input, stack.taskQueue));
  return handle.result().then(
    () => null,
    (error: unknown) => error,
  );
}

async function countsOf(definition: FlowDefinition) {
  const counts = await readNodeCounts(stack.store, definition.id, 1, definition.nodes.map((node) => node.id));
  return Object.fromEntries(counts);
}

describe('per-node counters kept by journeys', () => {
  it('counts nodes that run no activity with the journey\'s last one: a finished journey is counted in full', async () => {
    const tagging: FlowDefinition = {
      schemaVersion: CURRENT_SCHEMA_VERSION,
      id: 'tagging',
      name: 'Tagging',
      nodes: [
        { id: 'hello', type: 'trigger.inboundMessage', config: { channels: [] } },
        { id: 'remember', type: 'setVariables', config: { assignments: [{ name: 'stage', value: 'contacted', type: 'text' }] } },
        { id: 'done', type: 'end', config: { outcome: 'done', returns: [] } },
      ],
      edges: [
        { from: 'hello', output: 'next', to: 'remember' },
        { from: 'remember', output: 'next', to: 'done' },
      ],
      layout: {},
    };
    expect(await runJourney(tagging, '+14155550601')).toBeNull();
    expect(await runJourney(tagging, '+14155550602')).toBeNull();
    expect(await countsOf(tagging)).toEqual({
      hello: { entered: 2, exited: 2 },
      remember: { entered: 2, exited: 2 },
      done: { entered: 2, exited: 2 },
    });
  });

  it('counts a failed journey as having left the node it failed at', async () => {
    const routing: FlowDefinition = {
      schemaVersion: CURRENT_SCHEMA_VERSION,
      id: 'routing-counted',
      name: 'Routing',
      nodes: [
        { id: 'hello', type: 'trigger.inboundMessage', config: { channels: [] } },
        { id: 'to_support', type: 'route', config: { skills: ['support'], priority: '1', sticky: false, queue: 'support', timeout: '15m', attributes: [] } },
        { id: 'done', type: 'end', config: { outcome: 'done', returns: [] } },
      ],
      edges: [
        { from: 'hello', output: 'next', to: 'to_support' },
        { from: 'to_support', output: 'assigned', to: 'done' },
        { from: 'to_support', output: 'overflow', to: 'done' },
      ],
      layout: {},
    };
    expect(await runJourney(routing, '+14155550603')).toBeInstanceOf(Error);
    expect(await countsOf(routing)).toEqual({
      hello: { entered: 1, exited: 1 },
      to_support: { entered: 1, exited: 1 },
      done: { entered: 0, exited: 0 },
    });
  });

  it('applies the counts an activity carries once, however often the activity is retried', async () => {
    const activities = createActivities({
      store: stack.store,
      providers: { sandbox: createSandboxProvider(stack.store) },
      logger: pino({ level: 'silent' }),
    });
    const contactId = await contactFor('+14155550604');
    const input = {
      journeyId: `journey:retried:${contactId}`,
      firstRunId: 'run-retried',
      contactId,
      nodeId: 'done',
      outcome: 'done',
      nodeStats: {
        batchId: `journey:retried:${contactId}:run-retried:1`,
        flowId: 'retried',
        flowVersion: 1,
        nodes: [
          { nodeId: 'hello', entered: 1, exited: 1 },
          { nodeId: 'done', entered: 1, exited: 1 },
        ],
      },
    };
    await activities.completeJourney(input);
    await activities.completeJourney(input);
    expect(Object.fromEntries(await readNodeCounts(stack.store, 'retried', 1, ['hello', 'done']))).toEqual({
      hello: { entered: 1, exited: 1 },
      done: { entered: 1, exited: 1 },
    });
  });
});
