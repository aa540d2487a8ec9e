import { journeyWorkflowId } from '@threadline/worker/contract';
import { describe, expect, it } from 'vitest';
import { useApiUnderTest } from '../testing/useApiUnderTest';

const FLOW_ID = 'missed-call-text-back';
const OUR_NUMBER = '+14155550199';

const { call } = useApiUnderTest({ worker: true, publishedLibraryFlows: [FLOW_ID] });

interface NodeStats {
  nodeId: string;
  entered: number;
  exited: number;
  waiting: number;
}

/** Polls until `done` holds: the worker runs journeys, and visibility follows them, at their own pace. */
async function statsOnce(done: (byNode: Record<string, Omit<NodeStats, 'nodeId'>>) => boolean, what: string) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const stats = await call('GET', `/api/flows/${FLOW_ID}/stats`);
    expect(stats.status).toBe(200);
    const byNode = Object.fromEntries((stats.body.nodes as NodeStats[]).map(({ nodeId, ...counts }) => [nodeId, counts]));
    if (done(byNode)) return { body: stats.body, byNode };
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(byNode)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function waitingForReply(journeyId: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const trace = await call('GET', `/api/journeys/${encodeURIComponent(journeyId)}/trace`);
    if (trace.body.pendingWait?.nodeId === 'wait_reply') return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${journeyId} to wait for a reply`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function missedCall(phone: string): Promise<string> {
  const missed = await call('POST', '/api/sandbox/missed-call', { from: phone, to: OUR_NUMBER });
  expect(missed.status).toBe(200);
  const journeyId = journeyWorkflowId(FLOW_ID, missed.body.contactId);
  await waitingForReply(journeyId);
  return journeyId;
}

describe('GET /api/flows/:flowId/stats', () => {
  it('counts per node the journeys that entered, left and wait there, and they add up once the journeys end', async () => {
    await missedCall('+14155550501');
    const unanswered = await missedCall('+14155550502');
    const stillWaiting = await missedCall('+14155550503');

    expect((await call('POST', '/api/sandbox/messages', { channel: 'whatsapp', from: '+14155550501', to: OUR_NUMBER, text: 'What is the price?' })).status).toBe(200);
    expect((await call('POST', `/api/journeys/${encodeURIComponent(unanswered)}/skip-wait`, {})).status).toBe(202);

    const midway = await statsOnce(
      (byNode) => byNode.end_engaged?.exited === 1 && byNode.end_unresponsive?.exited === 1 && byNode.wait_reply?.waiting === 1,
      'two journeys to end and one to wait',
    );
    expect(midway.body).toMatchObject({ flowId: FLOW_ID, version: 1 });
    expect(midway.byNode).toEqual({
      missed_call: { entered: 3, exited: 3, waiting: 0 },
      // The journey still waiting left the send, but no activity has carried that yet (the
      // counts of a waiting journey land with its next activity); visibility shows it waiting.
      text_back: { entered: 3, exited: 2, waiting: 0 },
      // It is counted as having entered the wait it sits in, though its entry has not landed yet.
      wait_reply: { entered: 3, exited: 2, waiting: 1 },
      mentions_pricing: { entered: 1, exited: 1, waiting: 0 },
      send_pricing: { entered: 1, exited: 1, waiting: 0 },
      send_general: { entered: 0, exited: 0, waiting: 0 },
      end_engaged: { entered: 1, exited: 1, waiting: 0 },
      end_unresponsive: { entered: 1, exited: 1, waiting: 0 },
      end_blocked: { entered: 0, exited: 0, waiting: 0 },
      end_send_failed: { entered: 0, exited: 0, waiting: 0 },
    });

    // Cancelling the last one carries its counts: it left the send and the wait it sat in.
    expect((await call('POST', `/api/journeys/${encodeURIComponent(stillWaiting)}/cancel`)).status).toBe(202);
    const ended = await statsOnce((byNode) => byNode.wait_reply?.exited === 3 && byNode.wait_reply.waiting === 0, 'the cancelled journey to be counted');
    for (const [nodeId, counts] of Object.entries(ended.byNode)) {
      expect({ nodeId, ...counts }).toEqual({ nodeId, entered: counts.exited, exited: counts.exited, waiting: 0 });
    }
    expect(ended.byNode.text_back).toEqual({ entered: 3, exited: 3, waiting: 0 });
    expect(ended.byNode.wait_reply).toEqual({ entered: 3, exited: 3, waiting: 0 });
  });

  it('reads another published version on request, and has no nodes for a flow never published', async () => {
    const v1 = await call('GET', `/api/flows/${FLOW_ID}/stats?version=1`);
    expect(v1).toMatchObject({ status: 200, body: { flowId: FLOW_ID, version: 1 } });
    expect(await call('GET', `/api/flows/${FLOW_ID}/stats?version=7`)).toMatchObject({
      status: 404,
      body: { error: { code: 'not-found', path: 'query.version' } },
    });
    expect((await call('POST', '/api/flows', { name: 'Never published' })).status).toBe(201);
    expect(await call('GET', '/api/flows/never-published/stats')).toMatchObject({ status: 200, body: { version: null, nodes: [] } });
    expect(await call('GET', '/api/flows/nobody-here/stats')).toMatchObject({ status: 404, body: { error: { code: 'not-found' } } });
    expect(await call('GET', `/api/flows/${FLOW_ID}/stats?version=first`)).toMatchObject({ status: 400, body: { error: { path: 'query.version' } } });
  });
});
