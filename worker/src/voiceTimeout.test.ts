/**
 * A call whose turns never come (Twilio gave up, the status callback was lost) must not leave
 * a journey stuck: the node waiting for the caller gives up on a durable timer and the call is
 * treated as hung up. On the time-skipping server the timer fires in no time.
 */
import { describe, expect, it } from 'vitest';
import { JOURNEY_WORKFLOW_TYPE, type JourneyInput, type JourneyState } from './journeys/contract';
import { libraryFlow } from './library/libraryJourneyHarness';
import { resolveContact } from './store';
import { createSkippingWorker, useTimeSkippingHarness } from './testSupport/timeSkippingHarness';

const ivrFlow = libraryFlow('ivr-deflection');
const harness = useTimeSkippingHarness('threadline_voice_timeout');

describe('an inbound call whose caller never answers the menu', () => {
  it('gives up on the turn after the menu timeout plus grace, and ends the journey as a hangup', async () => {
    const phone = '+14155550188';
    const { contactId } = await resolveContact(harness.store, { type: 'phone', value: phone });
    const { worker, taskQueue } = await createSkippingWorker(harness, 'journeys-voice-timeout');
    const input: JourneyInput = {
      flowId: ivrFlow.id,
      flowVersion: 1,
      contactId,
      definition: ivrFlow,
      triggerNodeId: 'inbound_call',
      trigger: { eventId: `sandbox:CA-${phone}`, kind: 'call', channel: 'voice', from: phone, at: new Date().toISOString() },
    };

    const workflowId = `journey:${ivrFlow.id}:${contactId}`;
    const state = (await worker.runUntil(harness.env.client.workflow.execute(JOURNEY_WORKFLOW_TYPE, { taskQueue, workflowId, args: [input] }))) as JourneyState;

    expect(state).toMatchObject({ status: 'completed', outcome: 'callerHungUp' });
    expect(state.visits?.map(({ nodeId, output, detail }) => ({ nodeId, output, detail }))).toEqual([
      { nodeId: 'inbound_call', output: 'next', detail: 'on voice' },
      { nodeId: 'main_menu', output: 'noInput', detail: 'caller hung up' },
      { nodeId: 'take_voicemail', output: 'hangup', detail: 'call ended' },
      { nodeId: 'end_caller_hung_up', output: null, detail: 'outcome callerHungUp' },
    ]);
    // One timer, and it fired: the menu's 5 s, the prompt's reading time (156 characters, 13 s)
    // and two minutes' grace, as the menu listens for speech too.
    const { events } = await harness.env.client.workflow.getHandle(workflowId).fetchHistory();
    const timers = (events ?? []).filter((event) => event.timerStartedEventAttributes);
    expect(timers.map((event) => Number(event.timerStartedEventAttributes?.startToFireTimeout?.seconds))).toEqual([138]);
    expect((events ?? []).filter((event) => event.timerFiredEventAttributes)).toHaveLength(1);
  });
});
