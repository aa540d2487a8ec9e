import { WorkflowUpdateFailedError } from '@temporalio/client';
import { journeyWorkflowId, MIGRATE_TO_VERSION_UPDATE } from '@threadline/worker/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiUnderTest, type ApiUnderTest } from '../testing/startApiUnderTest';
import { eventually } from '../testing/eventually';

const FLOW_ID = 'moving-demo';
const OUR_NUMBER = '+14155550199';
const V2_THANKS = 'v2: thanks, someone will call you today.';

let api: ApiUnderTest;

const call: ApiUnderTest['call'] = (method, url, payload) => api.call(method, url, payload);

const sendTo = (id: string, template: string) => ({ id, type: 'send', config: { channel: 'sms', template, mediaUrls: [], whatsappTemplateVariables: [] } });
const waitReply = (id: string) => ({ id, type: 'waitForReply', config: { channels: [], timeout: '24h', maxReprompts: 0 } });
const end = (id: string, outcome: string) => ({ id, type: 'end', config: { outcome, returns: [] } });
const sendEdges = (from: string, sent: string) => [
  { from, output: 'sent', to: sent },
  { from, output: 'blocked', to: 'end_blocked' },
  { from, output: 'failed', to: 'end_failed' },
];

function definition(nodes: Array<{ id: string }>, edges: Array<{ from: string; output: string; to: string }>) {
  return {
    schemaVersion: 2,
    id: FLOW_ID,
    name: 'Moving demo',
    nodes,
    edges,
    layout: Object.fromEntries(nodes.map((node, index) => [node.id, { x: 0, y: index * 120 }])),
  };
}

const common = [
  { id: 'missed_call', type: 'trigger.missedCall', config: { numbers: [], outcomes: ['no-answer', 'busy'] } },
  sendTo('text_back', 'v1: sorry we missed your call, what can we help with?'),
  waitReply('wait_reply'),
  end('end_done', 'done'),
  end('end_quiet', 'quiet'),
  end('end_blocked', 'blocked'),
  end('end_failed', 'failed'),
];

/** v1 asks a second question and waits again at wait_more; v2 thanks at once, and has no wait_more. */
const v1 = definition(
  [...common, sendTo('ask_more', 'v1: tell us a bit more?'), waitReply('wait_more')],
  [
    { from: 'missed_call', output: 'next', to: 'text_back' },
    ...sendEdges('text_back', 'wait_reply'),
    { from: 'wait_reply', output: 'replied', to: 'ask_more' },
    { from: 'wait_reply', output: 'timeout', to: 'end_quiet' },
    ...sendEdges('ask_more', 'wait_more'),
    { from: 'wait_more', output: 'replied', to: 'end_done' },
    { from: 'wait_more', output: 'timeout', to: 'end_quiet' },
  ],
);
const v2 = definition(
  [...common, sendTo('thanks', V2_THANKS)],
  [
    { from: 'missed_call', output: 'next', to: 'text_back' },
    ...sendEdges('text_back', 'wait_reply'),
    { from: 'wait_reply', output: 'replied', to: 'thanks' },
    { from: 'wait_reply', output: 'timeout', to: 'end_quiet' },
    ...sendEdges('thanks', 'end_done'),
  ],
);

async function traceOf(journeyId: string) {
  const trace = await call('GET', `/api/journeys/${encodeURIComponent(journeyId)}/trace`);
  expect(trace.status).toBe(200);
  return trace.body;
}

const waitingAt = (journeyId: string, nodeId: string) =>
  eventually(async () => {
    const trace = await traceOf(journeyId);
    return trace.pendingWait?.nodeId === nodeId ? trace : undefined;
  }, `${journeyId} to wait at ${nodeId}`);

const endedAs = (journeyId: string, journeyStatus: string) =>
  eventually(async () => {
    const trace = await traceOf(journeyId);
    return trace.journey.journeyStatus === journeyStatus && trace.journey.closeTime !== null ? trace : undefined;
  }, `${journeyId} to end ${journeyStatus}`);

const messagesTo = async (phone: string): Promise<string[]> =>
  (await call('GET', `/api/sandbox/messages?to=${encodeURIComponent(phone)}`)).body.messages.map((message: { body: string }) => message.body);

async function missedCall(phone: string) {
  const missed = await call('POST', '/api/sandbox/missed-call', { from: phone, to: OUR_NUMBER });
  expect(missed.status).toBe(200);
  const contactId: string = missed.body.contactId;
  return { phone, contactId, journeyId: journeyWorkflowId(FLOW_ID, contactId) };
}

const reply = async (phone: string, text: string) => expect((await call('POST', '/api/sandbox/messages', { channel: 'sms', from: phone, to: OUR_NUMBER, text })).status).toBe(200);

type Contact = Awaited<ReturnType<typeof missedCall>>;
let stays: Contact;
let moves: Contact;

beforeAll(async () => {
  api = await startApiUnderTest({ worker: true });
  expect((await call('POST', '/api/flows', { id: FLOW_ID, name: 'Moving demo', definition: v1 })).status).toBe(201);
  expect((await call('POST', `/api/flows/${FLOW_ID}/publish`)).status).toBe(201);
  // Two journeys on v1: one waits at wait_reply (in v2 too), one has gone on to wait_more (not in v2).
  moves = await missedCall('+14155550601');
  stays = await missedCall('+14155550602');
  await waitingAt(moves.journeyId, 'wait_reply');
  await waitingAt(stays.journeyId, 'wait_reply');
  await reply(stays.phone, 'hello?');
  await waitingAt(stays.journeyId, 'wait_more');
  expect((await call('PUT', `/api/flows/${FLOW_ID}/draft`, { definition: v2 })).status).toBe(200);
  expect((await call('POST', `/api/flows/${FLOW_ID}/publish`)).status).toBe(201);
}, 180_000);

afterAll(async () => {
  await api?.stop();
});

describe('POST /api/flows/:flowId/journeys/migrate', () => {
  it('lists who would move where in a dry run, and moves nobody', async () => {
    const dry = await call('POST', `/api/flows/${FLOW_ID}/journeys/migrate`, { toVersion: 2, dryRun: true });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ flowId: FLOW_ID, toVersion: 2, dryRun: true });
    expect(dry.body.journeys).toEqual(
      [
        { journeyId: moves.journeyId, contactId: moves.contactId, fromVersion: 1, atNode: 'wait_reply', moves: true, reason: 'waits at wait_reply (waitForReply), which v2 has too' },
        { journeyId: stays.journeyId, contactId: stays.contactId, fromVersion: 1, atNode: 'wait_more', moves: false, reason: 'wait_more is not in v2' },
      ].sort((a, b) => a.journeyId.localeCompare(b.journeyId)),
    );
    const trace = await traceOf(moves.journeyId);
    expect(trace.journey.flowVersion).toBe(1);
    expect(trace.visits.at(-1)).toMatchObject({ nodeId: 'wait_reply', leftAt: null });
  });

  it('moves the journey waiting at wait_reply to v2, where the reply then follows v2\'s path; the other is skipped with the reason', async () => {
    const before = await traceOf(moves.journeyId);
    const moved = await call('POST', `/api/flows/${FLOW_ID}/journeys/migrate`, { toVersion: 2 });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({
      dryRun: false,
      moved: [{ journeyId: moves.journeyId, fromVersion: 1, atNode: 'wait_reply', moves: true, reason: 'moved from v1 to v2 at wait_reply' }],
      skipped: [{ journeyId: stays.journeyId, atNode: 'wait_more', moves: false, reason: 'wait_more is not in v2' }],
    });

    const after = await eventually(async () => {
      const trace = await traceOf(moves.journeyId);
      return trace.journey.flowVersion === 2 && trace.pendingWait?.nodeId === 'wait_reply' ? trace : undefined;
    }, 'the journey to wait on v2');
    expect(after.visits.slice(-2)).toMatchObject([
      { nodeId: 'wait_reply', visit: 1, output: null, detail: 'moved from v1 to v2 at wait_reply', leftAt: expect.any(String) },
      { nodeId: 'wait_reply', visit: 2, leftAt: null },
    ]);
    // The wait goes on for the time it had left, not a fresh 24 hours.
    expect(Math.abs(Date.parse(after.pendingWait.until) - Date.parse(before.pendingWait.until))).toBeLessThan(2_000);

    await reply(moves.phone, 'can you call me?');
    const done = await endedAs(moves.journeyId, 'completed');
    expect(done.outcome).toBe('done');
    expect(done.visits.map((visit: { nodeId: string }) => visit.nodeId)).toEqual(['missed_call', 'text_back', 'wait_reply', 'wait_reply', 'thanks', 'end_done']);
    expect(await messagesTo(moves.phone)).toEqual(['v1: sorry we missed your call, what can we help with?', V2_THANKS]);

    const timeline = await call('GET', `/api/contacts/${moves.contactId}/timeline`);
    expect(timeline.body.events).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'journey', journeyId: moves.journeyId, nodeId: 'wait_reply', body: 'moved from v1 to v2 at wait_reply' })]),
    );
    // The skipped one is untouched, still waiting on v1.
    expect((await traceOf(stays.journeyId)).journey.flowVersion).toBe(1);
  });

  it('is refused by the workflow itself, with the reason, when the journey waits at a node the new version lacks', async () => {
    const { definition } = (await call('GET', `/api/flows/${FLOW_ID}/versions/2`)).body;
    const refused = await api.temporal.workflow
      .getHandle(stays.journeyId)
      .executeUpdate(MIGRATE_TO_VERSION_UPDATE, { args: [{ definition, version: 2 }] })
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(refused).toBeInstanceOf(WorkflowUpdateFailedError);
    expect((refused as WorkflowUpdateFailedError).cause?.message).toBe('wait_more is not in v2');
    expect((await traceOf(stays.journeyId)).pendingWait).toMatchObject({ nodeId: 'wait_more' });
  });

  it('answers 404 for a version that does not exist and 400 naming the field at fault', async () => {
    expect(await call('POST', `/api/flows/${FLOW_ID}/journeys/migrate`, { toVersion: 9 })).toMatchObject({ status: 404, body: { error: { code: 'not-found' } } });
    expect(await call('POST', `/api/flows/${FLOW_ID}/journeys/migrate`, { toVersion: 'two' })).toMatchObject({ status: 400, body: { error: { path: 'body.toVersion' } } });
  });
});

describe('POST /api/contacts/:contactId/journeys/rerun', () => {
  it('replaces the contact\'s running journey and sends the chosen node\'s message on the chosen version', async () => {
    const rerun = await call('POST', `/api/contacts/${stays.contactId}/journeys/rerun`, { flowId: FLOW_ID, version: 2, nodeId: 'thanks' });
    expect(rerun.status).toBe(201);
    const rerunId = `${stays.journeyId}:rerun-1`;
    expect(rerun.body.journey).toMatchObject({ workflowId: rerunId, flowVersion: 2, nodeId: 'thanks', replaced: [stays.journeyId], carriedVarsFrom: stays.journeyId });

    const replaced = await endedAs(stays.journeyId, 'cancelled');
    expect(replaced.visits.at(-1)).toMatchObject({ nodeId: 'wait_more', output: null, detail: 'replaced by a re-run from thanks' });

    const done = await endedAs(rerunId, 'completed');
    expect(done.journey).toMatchObject({ flowVersion: 2, contactId: stays.contactId });
    expect(done.visits.map((visit: { nodeId: string }) => visit.nodeId)).toEqual(['thanks', 'end_done']);
    expect(await messagesTo(stays.phone)).toEqual(['v1: sorry we missed your call, what can we help with?', 'v1: tell us a bit more?', V2_THANKS]);

    // Once more: the next re-run has its own id, and the first one's history stays readable.
    const again = await call('POST', `/api/contacts/${stays.contactId}/journeys/rerun`, { flowId: FLOW_ID, nodeId: 'thanks' });
    expect(again.body.journey).toMatchObject({ workflowId: `${stays.journeyId}:rerun-2`, flowVersion: 2, replaced: [] });
    expect((await traceOf(rerunId)).outcome).toBe('done');
  });

  it('answers 422 naming body.nodeId for a node the version lacks, and 404 for an unknown version', async () => {
    const unknownNode = await call('POST', `/api/contacts/${stays.contactId}/journeys/rerun`, { flowId: FLOW_ID, version: 2, nodeId: 'ask_more' });
    expect(unknownNode).toMatchObject({ status: 422, body: { error: { code: 'unknown-node', path: 'body.nodeId' } } });
    const unknownVersion = await call('POST', `/api/contacts/${stays.contactId}/journeys/rerun`, { flowId: FLOW_ID, version: 7, nodeId: 'thanks' });
    expect(unknownVersion).toMatchObject({ status: 404, body: { error: { code: 'not-found', path: 'body.version' } } });
  });
});
