import { CURRENT_SCHEMA_VERSION } from '@threadline/flows';
import type { FlowDefinition, FlowSettings } from '@threadline/flows/types';
import { journeyEntryWorkflowId, journeyWorkflowId, STATE_QUERY, type JourneyState } from '@threadline/worker/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiUnderTest, type ApiUnderTest } from '../testing/startApiUnderTest';
import { eventually } from '../testing/eventually';

/**
 * `<event>` starts a journey that says hello and waits an hour for `<event>.done`: long enough
 * to be running when the next trigger comes.
 */
function waitingFlow(id: string, event: string, reentry: FlowSettings['reentry'], greeting = 'Hello'): FlowDefinition {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id,
    name: id,
    ...(reentry === undefined ? {} : { settings: { reentry } }),
    nodes: [
      { id: 'started', type: 'trigger.event', config: { event, payload: [] } },
      { id: 'hello', type: 'send', config: { channel: 'sms', template: `${greeting} ({{ trigger.data.n }})`, mediaUrls: [], whatsappTemplateVariables: [] } },
      { id: 'wait_done', type: 'waitForEvent', config: { event: `${event}.done`, timeout: '1h' } },
      { id: 'end_done', type: 'end', config: { outcome: 'done', returns: [] } },
      { id: 'end_timeout', type: 'end', config: { outcome: 'timeout', returns: [] } },
    ],
    edges: [
      { from: 'started', output: 'next', to: 'hello' },
      { from: 'hello', output: 'sent', to: 'wait_done' },
      { from: 'hello', output: 'failed', to: 'wait_done' },
      { from: 'hello', output: 'blocked', to: 'wait_done' },
      { from: 'wait_done', output: 'received', to: 'end_done' },
      { from: 'wait_done', output: 'timeout', to: 'end_timeout' },
    ],
    layout: {},
  };
}

const ignoreFlow = waitingFlow('reentry-ignore', 'visit.ignore', undefined);
const restartFlow = waitingFlow('reentry-restart', 'visit.restart', 'restart');
const parallelFlow = waitingFlow('reentry-parallel', 'visit.parallel', 'parallel');

let api: ApiUnderTest;

beforeAll(async () => {
  api = await startApiUnderTest({ worker: true });
  for (const flow of [ignoreFlow, restartFlow, parallelFlow]) {
    expect((await call('POST', '/api/flows', { name: flow.name, id: flow.id, definition: flow })).status).toBe(201);
    expect((await call('POST', `/api/flows/${flow.id}/publish`)).status).toBe(201);
  }
}, 180_000);

afterAll(async () => {
  await api?.stop();
});

const call: ApiUnderTest['call'] = (method, url, payload) => api.call(method, url, payload);

async function postEvent(eventId: string, name: string, phone: string, data: Record<string, unknown> = {}) {
  const response = await call('POST', '/api/events', { eventId, name, contact: { phone }, data });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body as { contactId: string; duplicate: boolean; journeys: string[] };
}

/**
 * The same event again after the first delivery stopped between persisting it and marking it
 * delivered (a crash): the API hands it over once more.
 */
async function redeliver(eventId: string, name: string, phone: string, data: Record<string, unknown> = {}) {
  await api.store.timeline.updateOne({ _id: `api:${eventId}` }, { $set: { deliveredAt: null } });
  const again = await postEvent(eventId, name, phone, data);
  expect(again.duplicate).toBe(false);
  return again;
}

const describeRun = (workflowId: string) => api.temporal.workflow.getHandle(workflowId).describe();

async function waitingAt(workflowId: string, nodeId: string): Promise<JourneyState> {
  return eventually(async () => {
    const state = await api.temporal.workflow.getHandle(workflowId).query<JourneyState>(STATE_QUERY);
    return state.status === 'waiting' && state.currentNodeId === nodeId ? state : undefined;
  }, `${workflowId} to wait at ${nodeId}`);
}

async function sentTo(phone: string): Promise<string[]> {
  const sent = await call('GET', `/api/sandbox/messages?to=${encodeURIComponent(phone)}`);
  return sent.body.messages.map((message: { body: string }) => message.body);
}

async function activeJourneys(contactId: string): Promise<string[]> {
  return (await call('GET', `/api/contacts/${contactId}`)).body.contact.activeJourneys;
}

describe('re-entry: ignore (the default)', () => {
  it('hands a second trigger to the running journey, and a retried trigger starts nothing, even after the journey ended', async () => {
    const phone = '+14155550501';
    const first = await postEvent('ign-a', 'visit.ignore', phone, { n: 1 });
    const journeyId = journeyWorkflowId(ignoreFlow.id, first.contactId);
    expect(first.journeys).toEqual([journeyId]);
    await waitingAt(journeyId, 'wait_done');
    const { runId } = await describeRun(journeyId);

    const second = await postEvent('ign-b', 'visit.ignore', phone, { n: 2 });
    expect(second.journeys).toEqual([journeyId]);
    expect((await postEvent('ign-a', 'visit.ignore', phone, { n: 1 })).duplicate).toBe(true);
    await redeliver('ign-a', 'visit.ignore', phone, { n: 1 });
    expect((await describeRun(journeyId)).runId).toBe(runId);

    await postEvent('ign-done', 'visit.ignore.done', phone);
    await eventually(async () => ((await describeRun(journeyId)).status.name === 'COMPLETED' ? true : undefined), 'the journey to complete');
    await redeliver('ign-a', 'visit.ignore', phone, { n: 1 });
    const after = await describeRun(journeyId);
    expect(after).toMatchObject({ runId, status: { name: 'COMPLETED' } });
    expect(await sentTo(phone)).toEqual(['Hello (1)']);
  });

  it("treats a re-run as the contact's journey of the flow: a trigger while it runs reaches it and starts no other; once it ended, a trigger starts one", async () => {
    const phone = '+14155550502';
    const first = await postEvent('ign-rerun-a', 'visit.ignore', phone, { n: 1 });
    const journeyId = journeyWorkflowId(ignoreFlow.id, first.contactId);
    await waitingAt(journeyId, 'wait_done');
    const rerun = await call('POST', `/api/contacts/${first.contactId}/journeys/rerun`, { flowId: ignoreFlow.id, nodeId: 'wait_done' });
    expect(rerun.status, JSON.stringify(rerun.body)).toBe(201);
    const rerunId = `${journeyId}:rerun-1`;
    expect(rerun.body.journey).toMatchObject({ workflowId: rerunId, replaced: [journeyId] });
    await waitingAt(rerunId, 'wait_done');
    const replaced = await describeRun(journeyId);
    expect(replaced.status.name).toBe('CANCELLED');

    const second = await postEvent('ign-rerun-b', 'visit.ignore', phone, { n: 2 });
    expect(second.journeys).toEqual([rerunId]);
    expect((await describeRun(journeyId)).runId).toBe(replaced.runId);
    expect(await activeJourneys(first.contactId)).toEqual([rerunId]);
    // The re-run waits on, and its own event ends it.
    await postEvent('ign-rerun-done', 'visit.ignore.done', phone);
    const ended = await api.temporal.workflow.getHandle(rerunId).result();
    expect(ended).toMatchObject({ status: 'completed', outcome: 'done' });
    expect(await activeJourneys(first.contactId)).toEqual([]);

    const third = await postEvent('ign-rerun-c', 'visit.ignore', phone, { n: 3 });
    expect(third.journeys).toEqual([journeyId]);
    await waitingAt(journeyId, 'wait_done');
    expect((await describeRun(journeyId)).runId).not.toBe(replaced.runId);
    expect(await activeJourneys(first.contactId)).toEqual([journeyId]);
    expect(await sentTo(phone)).toEqual(['Hello (1)', 'Hello (3)']);
  });
});

describe('re-entry: restart', () => {
  it('ends the running journey saying which event restarted it, and starts the newly published version; a retried trigger starts nothing', async () => {
    const phone = '+14155550511';
    const first = await postEvent('rst-a', 'visit.restart', phone, { n: 1 });
    const journeyId = journeyWorkflowId(restartFlow.id, first.contactId);
    await waitingAt(journeyId, 'wait_done');
    const firstRun = (await describeRun(journeyId)).runId;

    const v2 = waitingFlow(restartFlow.id, 'visit.restart', 'restart', 'Hello again');
    expect((await call('PUT', `/api/flows/${restartFlow.id}/draft`, { definition: v2 })).status).toBe(200);
    expect((await call('POST', `/api/flows/${restartFlow.id}/publish`)).status).toBe(201);

    const second = await postEvent('rst-b', 'visit.restart', phone, { n: 2 });
    expect(second.journeys).toEqual([journeyId]);
    await waitingAt(journeyId, 'wait_done');
    const secondRun = await describeRun(journeyId);
    expect(secondRun.runId).not.toBe(firstRun);
    expect(secondRun.searchAttributes).toMatchObject({ FlowVersion: [2] });

    // The first run ended as cancelled, and its trace and the timeline say why.
    const ended = api.temporal.workflow.getHandle(journeyId, firstRun);
    expect((await ended.describe()).status.name).toBe('CANCELLED');
    const endedState = await ended.query<JourneyState>(STATE_QUERY);
    expect(endedState).toMatchObject({ status: 'cancelled', outcome: 'restarted by api:rst-b' });
    expect(endedState.visits?.at(-1)).toMatchObject({ nodeId: 'wait_done', output: null, detail: 'restarted by api:rst-b' });
    const timeline = await call('GET', `/api/contacts/${first.contactId}/timeline`);
    expect(timeline.body.events).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'journey', journeyId, nodeId: 'wait_done', body: 'restarted by api:rst-b' })]),
    );
    expect(await activeJourneys(first.contactId)).toEqual([journeyId]);

    // Retries of the restarting event, delivered or cut short by a crash, restart nothing.
    expect((await postEvent('rst-b', 'visit.restart', phone, { n: 2 })).duplicate).toBe(true);
    await redeliver('rst-b', 'visit.restart', phone, { n: 2 });
    expect(await describeRun(journeyId)).toMatchObject({ runId: secondRun.runId, status: { name: 'RUNNING' } });
    // Nor does the older trigger, handed over again: the journey it started was already restarted.
    await redeliver('rst-a', 'visit.restart', phone, { n: 1 });
    expect(await describeRun(journeyId)).toMatchObject({ runId: secondRun.runId, status: { name: 'RUNNING' } });
    // And once the journey has ended, still nothing.
    await postEvent('rst-done', 'visit.restart.done', phone);
    await eventually(async () => ((await describeRun(journeyId)).status.name === 'COMPLETED' ? true : undefined), 'the journey to complete');
    await redeliver('rst-b', 'visit.restart', phone, { n: 2 });
    expect(await describeRun(journeyId)).toMatchObject({ runId: secondRun.runId, status: { name: 'COMPLETED' } });
    expect(await sentTo(phone)).toEqual(['Hello (1)', 'Hello again (2)']);
  });
});

describe('re-entry: restart, with a re-run running', () => {
  it('ends the re-run as it would the journey, and starts the flow anew', async () => {
    const phone = '+14155550512';
    const first = await postEvent('rst-rerun-a', 'visit.restart', phone, { n: 1 });
    const journeyId = journeyWorkflowId(restartFlow.id, first.contactId);
    await waitingAt(journeyId, 'wait_done');
    const rerun = await call('POST', `/api/contacts/${first.contactId}/journeys/rerun`, { flowId: restartFlow.id, nodeId: 'wait_done' });
    expect(rerun.status, JSON.stringify(rerun.body)).toBe(201);
    const rerunId = `${journeyId}:rerun-1`;
    await waitingAt(rerunId, 'wait_done');

    const second = await postEvent('rst-rerun-b', 'visit.restart', phone, { n: 2 });
    expect(second.journeys).toEqual([journeyId]);
    const endedRerun = api.temporal.workflow.getHandle(rerunId);
    expect((await endedRerun.describe()).status.name).toBe('CANCELLED');
    const rerunState = await endedRerun.query<JourneyState>(STATE_QUERY);
    expect(rerunState).toMatchObject({ status: 'cancelled', outcome: 'restarted by api:rst-rerun-b' });
    expect(rerunState.visits?.at(-1)).toMatchObject({ nodeId: 'wait_done', output: null, detail: 'restarted by api:rst-rerun-b' });
    await waitingAt(journeyId, 'wait_done');
    expect(await activeJourneys(first.contactId)).toEqual([journeyId]);
  });
});

describe('re-entry: parallel', () => {
  it('starts a journey per trigger event, named after it; events reach all of them; a retried trigger starts nothing', async () => {
    const phone = '+14155550521';
    const first = await postEvent('par-a', 'visit.parallel', phone, { n: 1 });
    const { contactId } = first;
    const entryA = journeyEntryWorkflowId(parallelFlow.id, contactId, 'api:par-a');
    const entryB = journeyEntryWorkflowId(parallelFlow.id, contactId, 'api:par-b');
    expect(entryA).toMatch(new RegExp(`^journey:${parallelFlow.id}:${contactId}:api-par-a-[0-9a-z]+$`));
    expect(first.journeys).toEqual([entryA]);
    const second = await postEvent('par-b', 'visit.parallel', phone, { n: 2 });
    expect(second.journeys).toContain(entryB);
    await Promise.all([waitingAt(entryA, 'wait_done'), waitingAt(entryB, 'wait_done')]);
    expect((await activeJourneys(contactId)).sort()).toEqual([entryA, entryB].sort());
    const runA = (await describeRun(entryA)).runId;

    // A retry of the first trigger while both run starts nothing.
    expect((await postEvent('par-a', 'visit.parallel', phone, { n: 1 })).duplicate).toBe(true);
    await redeliver('par-a', 'visit.parallel', phone, { n: 1 });

    // One event reaches both journeys of the contact.
    const done = await postEvent('par-done', 'visit.parallel.done', phone);
    expect(done.journeys.sort()).toEqual([entryA, entryB].sort());
    for (const entry of [entryA, entryB]) {
      await eventually(async () => ((await describeRun(entry)).status.name === 'COMPLETED' ? true : undefined), `${entry} to complete`);
    }

    // Not even once the journey it started has ended.
    await redeliver('par-a', 'visit.parallel', phone, { n: 1 });
    expect(await describeRun(entryA)).toMatchObject({ runId: runA, status: { name: 'COMPLETED' } });
    expect((await sentTo(phone)).sort()).toEqual(['Hello (1)', 'Hello (2)']);

    const trace = await call('GET', `/api/journeys/${encodeURIComponent(entryA)}/trace`);
    expect(trace).toMatchObject({ status: 200, body: { outcome: 'done', journey: { workflowId: entryA } } });
  });
});
