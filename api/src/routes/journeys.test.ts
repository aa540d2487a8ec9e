import { journeyWorkflowId } from '@threadline/worker/contract';
import { describe, expect, it } from 'vitest';
import { useApiUnderTest } from '../testing/useApiUnderTest';

const { call } = useApiUnderTest({ publishedLibraryFlows: ['missed-call-text-back'] });

/** Visibility is updated asynchronously: polls the flow's journeys until `journeyId` is listed. */
async function flowJourneysListing(flowId: string, journeyId: string) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const listed = await call('GET', `/api/flows/${flowId}/journeys`);
    if (listed.status !== 200 || listed.body.journeys.some((journey: { workflowId: string }) => journey.workflowId === journeyId)) {
      return listed;
    }
    if (Date.now() > deadline) throw new Error(`${journeyId} never appeared in the flow's journeys`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('following journeys through the API', () => {
  it('lists a flow\'s journeys from Temporal visibility, newest first, with their contact and place', async () => {
    const first = await call('POST', '/api/sandbox/missed-call', { from: '+14155550181', to: '+14155550199', callId: 'CA-follow-1' });
    const second = await call('POST', '/api/sandbox/missed-call', { from: '+14155550182', to: '+14155550199', callId: 'CA-follow-2' });
    const secondId = journeyWorkflowId('missed-call-text-back', second.body.contactId);

    const listed = await flowJourneysListing('missed-call-text-back', secondId);
    expect(listed.status).toBe(200);
    const contactIds = listed.body.journeys.map((journey: { contactId: string }) => journey.contactId);
    expect(contactIds.slice(0, 2)).toEqual([second.body.contactId, first.body.contactId]);
    // No worker runs in these tests: the journey has started and waits at its trigger.
    expect(listed.body.journeys[0]).toEqual({
      workflowId: secondId,
      runId: expect.any(String),
      flowId: 'missed-call-text-back',
      contactId: second.body.contactId,
      flowVersion: 1,
      status: 'RUNNING',
      journeyStatus: 'running',
      currentNode: 'missed_call',
      startTime: expect.any(String),
      closeTime: null,
    });

    const limited = await call('GET', '/api/flows/missed-call-text-back/journeys?limit=1');
    expect(limited.body.journeys).toHaveLength(1);
  });

  it('describes one journey by its URL-encoded id, and says why its state is missing when no worker answers', async () => {
    const missed = await call('POST', '/api/sandbox/missed-call', { from: '+14155550183', to: '+14155550199', callId: 'CA-follow-3' });
    const journeyId = journeyWorkflowId('missed-call-text-back', missed.body.contactId);

    const described = await call('GET', `/api/journeys/${encodeURIComponent(journeyId)}`);
    expect(described.status).toBe(200);
    expect(described.body.journey).toMatchObject({
      workflowId: journeyId,
      contactId: missed.body.contactId,
      flowId: 'missed-call-text-back',
      status: 'RUNNING',
      path: [],
      pendingWait: null,
      outcome: null,
      vars: {},
      stateError: expect.any(String),
    });
  });

  it('answers 404 for an unknown flow or journey and 400 for ids that cannot be either', async () => {
    const unknownFlow = await call('GET', '/api/flows/no-such-flow/journeys');
    expect(unknownFlow).toMatchObject({ status: 404, body: { error: { code: 'not-found' } } });

    const unknownJourney = await call('GET', `/api/journeys/${encodeURIComponent('journey:missed-call-text-back:c_nobody')}`);
    expect(unknownJourney).toMatchObject({ status: 404, body: { error: { code: 'not-found' } } });

    const notAJourney = await call('GET', '/api/journeys/payroll-run-42');
    expect(notAJourney).toMatchObject({ status: 400, body: { error: { code: 'invalid-request', path: 'params.workflowId' } } });

    const quoted = await call('GET', `/api/flows/${encodeURIComponent('x" OR FlowId != "')}/journeys`);
    expect(quoted).toMatchObject({ status: 400, body: { error: { path: 'params.flowId' } } });

    const badLimit = await call('GET', '/api/flows/missed-call-text-back/journeys?limit=lots');
    expect(badLimit).toMatchObject({ status: 400, body: { error: { path: 'query.limit' } } });
  });
});
