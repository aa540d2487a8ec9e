/**
 * The subflow node on the real Temporal dev server and FerretDB: the parent loads the called
 * flow's published version from the store, runs it as a child journey for the same contact,
 * passes the contact's replies on to it and reads its return values back.
 */
import { WorkflowFailedError, type WorkflowHandle } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import { Worker } from '@temporalio/worker';
import { canonicalFlowJson, CURRENT_SCHEMA_VERSION, parseFlowDefinition } from '@threadline/flows';
import type { FlowDefinition, NodeConfigs } from '@threadline/flows/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  INBOUND_EVENT_SIGNAL,
  JOURNEY_WORKFLOW_TYPE,
  STATE_QUERY,
  subflowWorkflowId,
  type InboundEvent,
  type JourneyInput,
  type JourneyState,
} from './journeys/contract';
import { journeyStartOptions } from './journeys/journeyStartOptions';
import { registerJourneys, resolveContact, runningJourneysOf } from './store';
import { eventually, startWorkerTestStack, type WorkerTestStack } from './testSupport/startWorkerTestStack';

let stack: WorkerTestStack;
let phoneCounter = 0;

beforeAll(async () => {
  stack = await startWorkerTestStack();
  await publish(askQuestionFlow);
});

afterAll(async () => {
  await stack?.stop();
});

function sms(template: string): NodeConfigs['send'] {
  return { channel: 'sms', template, mediaUrls: [], whatsappTemplateVariables: [] };
}

/** The subflow: asks the question it is given and returns the answer. */
const askQuestionFlow: FlowDefinition = {
  schemaVersion: CURRENT_SCHEMA_VERSION,
  id: 'ask-question',
  name: 'Ask a question',
  interface: {
    inputs: [
      { name: 'question', required: true },
      { name: 'hint', required: false },
    ],
    outputs: [{ name: 'answer' }],
  },
  nodes: [
    { id: 'start', type: 'trigger.subflow', config: {} },
    { id: 'ask', type: 'send', config: sms('{{ trigger.data.question }}') },
    { id: 'wait_answer', type: 'waitForReply', config: { channels: [], timeout: '1h', maxReprompts: 0 } },
    { id: 'answered', type: 'end', config: { outcome: 'answered', returns: [{ name: 'answer', value: '{{ reply.text | strip }}' }] } },
    { id: 'unanswered', type: 'end', config: { outcome: 'unanswered', returns: [] } },
  ],
  edges: [
    { from: 'start', output: 'next', to: 'ask' },
    { from: 'ask', output: 'sent', to: 'wait_answer' },
    { from: 'ask', output: 'failed', to: 'unanswered' },
    { from: 'ask', output: 'blocked', to: 'unanswered' },
    { from: 'wait_answer', output: 'replied', to: 'answered' },
    { from: 'wait_answer', output: 'timeout', to: 'unanswered' },
  ],
  layout: {},
};

/**
 * The parent: runs the subflow, thanks the contact with its answer, then waits a moment for
 * another reply, so a reply handed to both journeys would show up as `duplicate`.
 */
function parentFlow(id: string, subflow: NodeConfigs['subflow']): FlowDefinition {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id,
    name: 'Parent asks',
    nodes: [
      { id: 'hello', type: 'trigger.inboundMessage', config: { channels: [] } },
      { id: 'get_zip', type: 'subflow', config: subflow },
      { id: 'thanks', type: 'send', config: sms('Thanks, your zip is {{ nodes.get_zip.outputs.answer }}') },
      { id: 'wait_more', type: 'waitForReply', config: { channels: [], timeout: '2s', maxReprompts: 0 } },
      { id: 'end_done', type: 'end', config: { outcome: 'done', returns: [] } },
      { id: 'end_duplicate', type: 'end', config: { outcome: 'duplicate', returns: [] } },
      { id: 'end_failed', type: 'end', config: { outcome: 'subflowFailed', returns: [] } },
    ],
    edges: [
      { from: 'hello', output: 'next', to: 'get_zip' },
      { from: 'get_zip', output: 'completed', to: 'thanks' },
      { from: 'get_zip', output: 'failed', to: 'end_failed' },
      { from: 'thanks', output: 'sent', to: 'wait_more' },
      { from: 'thanks', output: 'failed', to: 'end_failed' },
      { from: 'thanks', output: 'blocked', to: 'end_failed' },
      { from: 'wait_more', output: 'replied', to: 'end_duplicate' },
      { from: 'wait_more', output: 'timeout', to: 'end_done' },
    ],
    layout: {},
  };
}

const askZip = { name: 'question', value: 'What is your zip code, {{ contact.firstName | default: "friend" }}?' };

/** What the API does on publish: the draft and version 1, stored as canonical JSON. */
async function publish(definition: FlowDefinition): Promise<void> {
  const parsed = parseFlowDefinition(definition);
  if (!parsed.ok) throw new Error(`${definition.id} is not a valid definition: ${JSON.stringify(parsed.issues[0])}`);
  const json = canonicalFlowJson(parsed.definition);
  await stack.store.flows.create({ _id: definition.id, name: definition.name, draftJson: json, publishedVersion: 1 });
  await stack.store.flowVersions.create({ _id: `${definition.id}@1`, flowId: definition.id, version: 1, definitionJson: json, publishedAt: new Date() });
}

async function newContact(): Promise<{ contactId: string; phone: string }> {
  phoneCounter += 1;
  const phone = `+1415556${String(1000 + phoneCounter).padStart(4, '0')}`;
  const { contactId } = await resolveContact(stack.store, { type: 'phone', value: phone });
  return { contactId, phone };
}

function message(phone: string, eventId: string, text: string): InboundEvent {
  return { eventId, kind: 'message', channel: 'sms', from: phone, text, at: new Date().toISOString() };
}

async function startJourney(definition: FlowDefinition, contactId: string, phone: string): Promise<WorkflowHandle> {
  const input: JourneyInput = {
    flowId: definition.id,
    flowVersion: 1,
    contactId,
    definition,
    triggerNodeId: 'hello',
    trigger: message(phone, `sandbox:hi-${phone}-${definition.id}`, 'hi'),
    contact: { firstName: 'Ada', phone },
  };
  const options = journeyStartOptions(input, stack.taskQueue);
  // What the API does when it starts a journey: register it for delivery to the contact.
  await registerJourneys(stack.store, contactId, [options.workflowId]);
  return stack.client.workflow.start(JOURNEY_WORKFLOW_TYPE, options);
}

const journeyState = (handle: WorkflowHandle) => handle.query<JourneyState>(STATE_QUERY);

async function waitingAt(handle: WorkflowHandle, nodeId: string): Promise<JourneyState> {
  return eventually(async () => {
    const state = await journeyState(handle).catch(() => undefined);
    return state?.status === 'waiting' && state.currentNodeId === nodeId ? state : undefined;
  }, `${handle.workflowId} to wait at ${nodeId}`);
}

async function summariesOf(handle: WorkflowHandle): Promise<string[]> {
  const history = await handle.fetchHistory();
  return (history.events ?? []).flatMap((event) =>
    event.userMetadata?.summary ? [defaultPayloadConverter.fromPayload<string>(event.userMetadata.summary)] : [],
  );
}

describe('the subflow node', () => {
  it('runs the subflow as a child journey that asks, hears the reply once, and returns the answer to the parent', async () => {
    const { contactId, phone } = await newContact();
    const parent = await startJourney(parentFlow('parent-asks', { flowId: 'ask-question', version: 'latest', inputs: [askZip] }), contactId, phone);
    const child = stack.client.workflow.getHandle(subflowWorkflowId(parent.workflowId, 'get_zip', 1));

    const childWaiting = await waitingAt(child, 'wait_answer');
    expect(childWaiting.path).toEqual(['start', 'ask', 'wait_answer']);
    expect(await journeyState(parent)).toMatchObject({ status: 'waiting', currentNodeId: 'get_zip', pendingWait: null });
    expect((await stack.store.sandboxMessages.find({ to: phone }).lean()).map((sent) => sent.body)).toEqual(['What is your zip code, Ada?']);

    // The API signals the journey registered on the contact: the parent. A provider retry of
    // the same message carries the same id.
    const reply = message(phone, `sandbox:zip-${phone}`, ' 94105 ');
    await parent.signal<[InboundEvent]>(INBOUND_EVENT_SIGNAL, reply);
    await parent.signal<[InboundEvent]>(INBOUND_EVENT_SIGNAL, reply);
    const final: JourneyState = await parent.result();

    expect(final).toMatchObject({
      status: 'completed',
      outcome: 'done',
      path: ['hello', 'get_zip', 'thanks', 'wait_more', 'end_done'],
    });
    expect(final.nodes?.get_zip).toMatchObject({ outputs: { answer: '94105' }, outcome: 'answered' });
    expect(final.visits?.find((visit) => visit.nodeId === 'get_zip')).toMatchObject({
      output: 'completed',
      detail: 'subflow ask-question v1 completed',
    });
    expect((await stack.store.sandboxMessages.find({ to: phone }).sort({ at: 1 }).lean()).map((sent) => sent.body)).toEqual([
      'What is your zip code, Ada?',
      'Thanks, your zip is 94105',
    ]);

    const childFinal: JourneyState = await child.result();
    expect(childFinal).toMatchObject({ status: 'completed', outcome: 'answered', returns: { answer: '94105' } });
    const childHistory = await child.fetchHistory();
    const signalled = (childHistory.events ?? []).filter((event) => event.workflowExecutionSignaledEventAttributes);
    expect(signalled).toHaveLength(1);

    // What the Temporal UI shows for each.
    expect(await summariesOf(parent)).toEqual([
      `Parent asks v1 · ${contactId} · message on sms`,
      'load subflow ask-question vlatest',
      // The child's start, named as its own run is.
      `subflow Ask a question for ${parent.workflowId}`,
      'send sms: Thanks, your zip is {{…',
      'wait for a reply on any channel (2s)',
      'end: done',
    ]);
    expect((await summariesOf(child))[0]).toBe(`subflow Ask a question for ${parent.workflowId}`);

    // The child's ending leaves the parent's registration alone; the parent's frees the contact.
    expect(await runningJourneysOf(stack.store, contactId)).toEqual([]);
    const endings = await stack.store.timeline.find({ contactId, kind: 'journey' }).lean();
    expect(endings.map((ending) => [ending.journeyId, ending.body]).sort()).toEqual([
      [parent.workflowId, 'done'],
      [child.workflowId, 'answered'],
    ]);

    // Both histories replay against the same code (under their own ids: the child's is made of the parent's).
    await Worker.runReplayHistory({ workflowBundle: stack.workflowBundle }, await parent.fetchHistory(), parent.workflowId);
    await Worker.runReplayHistory({ workflowBundle: stack.workflowBundle }, childHistory, child.workflowId);
  });

  it('takes failed when the subflow does not exist, with the reason in nodes.<id>.error and the trace', async () => {
    const { contactId, phone } = await newContact();
    const parent = await startJourney(parentFlow('parent-missing', { flowId: 'no-such-flow', version: 'latest', inputs: [] }), contactId, phone);

    const final: JourneyState = await parent.result();

    expect(final).toMatchObject({ status: 'completed', outcome: 'subflowFailed', path: ['hello', 'get_zip', 'end_failed'] });
    expect(final.nodes?.get_zip).toMatchObject({ error: 'flow "no-such-flow" does not exist' });
    expect(final.visits?.find((visit) => visit.nodeId === 'get_zip')).toMatchObject({
      output: 'failed',
      detail: 'failed: subflow no-such-flow vlatest: flow "no-such-flow" does not exist',
    });
    expect(await stack.store.sandboxMessages.countDocuments({ to: phone })).toBe(0);
  });

  it('takes failed when a pinned version was never published', async () => {
    const { contactId, phone } = await newContact();
    const parent = await startJourney(parentFlow('parent-pinned', { flowId: 'ask-question', version: 7, inputs: [askZip] }), contactId, phone);

    const final: JourneyState = await parent.result();

    expect(final).toMatchObject({ outcome: 'subflowFailed' });
    expect(final.nodes?.get_zip).toMatchObject({ error: 'flow "ask-question" has no published version 7' });
  });

  it('takes failed without starting the subflow when a required input is left empty', async () => {
    const { contactId, phone } = await newContact();
    const emptyQuestion = { name: 'question', value: '{{ vars.notSet }}' };
    const parent = await startJourney(parentFlow('parent-empty', { flowId: 'ask-question', version: 1, inputs: [emptyQuestion] }), contactId, phone);

    const final: JourneyState = await parent.result();

    expect(final).toMatchObject({ outcome: 'subflowFailed', path: ['hello', 'get_zip', 'end_failed'] });
    expect(final.nodes?.get_zip).toMatchObject({ error: 'required input "question" is empty' });
    expect(final.visits?.find((visit) => visit.nodeId === 'get_zip')?.detail).toBe(
      'failed: subflow ask-question v1: required input "question" is empty',
    );
    await expect(stack.client.workflow.getHandle(subflowWorkflowId(parent.workflowId, 'get_zip', 1)).describe()).rejects.toThrow();
    expect(await stack.store.sandboxMessages.countDocuments({ to: phone })).toBe(0);
  });

  it('takes failed with the child\'s own reason when the subflow fails', async () => {
    await publish({
      schemaVersion: CURRENT_SCHEMA_VERSION,
      id: 'broken-subflow',
      name: 'Broken subflow',
      nodes: [
        { id: 'start', type: 'trigger.subflow', config: {} },
        { id: 'done', type: 'end', config: { outcome: 'returned', returns: [{ name: 'answer', value: '{% if %}' }] } },
      ],
      edges: [{ from: 'start', output: 'next', to: 'done' }],
      layout: {},
    });
    const { contactId, phone } = await newContact();
    const parent = await startJourney(parentFlow('parent-broken', { flowId: 'broken-subflow', version: 'latest', inputs: [] }), contactId, phone);

    const final: JourneyState = await parent.result();

    expect(final).toMatchObject({ outcome: 'subflowFailed', path: ['hello', 'get_zip', 'end_failed'] });
    const error = (final.nodes?.get_zip as { error?: unknown } | undefined)?.error;
    expect(error).toMatch(/^flow definition, node "done": return value "answer": /);
    const child = stack.client.workflow.getHandle(subflowWorkflowId(parent.workflowId, 'get_zip', 1));
    expect((await child.describe()).status.name).toBe('FAILED');
  });

  it('cancels the child journey when the parent is cancelled', async () => {
    const { contactId, phone } = await newContact();
    const parent = await startJourney(parentFlow('parent-cancelled', { flowId: 'ask-question', version: 1, inputs: [askZip] }), contactId, phone);
    const child = stack.client.workflow.getHandle(subflowWorkflowId(parent.workflowId, 'get_zip', 1));
    await waitingAt(child, 'wait_answer');

    await parent.cancel();

    await expect(parent.result()).rejects.toBeInstanceOf(WorkflowFailedError);
    await expect(child.result()).rejects.toBeInstanceOf(WorkflowFailedError);
    expect((await child.describe()).status.name).toBe('CANCELLED');
    const endings = await stack.store.timeline.find({ contactId, kind: 'journey' }).lean();
    expect(endings.map((ending) => [ending.journeyId, ending.body]).sort()).toEqual([
      [parent.workflowId, 'cancelled'],
      [child.workflowId, 'cancelled'],
    ]);
  });
});
