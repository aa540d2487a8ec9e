/**
 * The journey interpreter: one workflow per (flow, contact) that walks the pinned definition
 * from the trigger node, one node handler at a time (see `runNode`).
 */
import { defineQuery, defineSignal, log, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import type { InboundEvent, JourneyInput, JourneyState } from '../journeys/contract';
import { INBOUND_EVENT_SIGNAL, journeySearchAttributeKeys, STATE_QUERY } from '../journeys/contract';
import { completeJourney } from './journeyActivities';
import { definitionFault, isEngineFailure } from './journeyFailures';
import { JourneyRun } from './journeyRun';
import { runNode } from './runNode';

export const inboundEventSignal = defineSignal<[InboundEvent]>(INBOUND_EVENT_SIGNAL);
export const stateQuery = defineQuery<JourneyState>(STATE_QUERY);

export async function journeyWorkflow(input: JourneyInput): Promise<JourneyState> {
  const run = new JourneyRun(input);
  setHandler(inboundEventSignal, (event) => {
    // The API validates events; this only keeps a malformed one from poisoning deduplication.
    if (typeof event?.eventId !== 'string' || event.eventId === '') {
      log.warn('ignored an inbound event without an eventId', { kind: event?.kind });
      return;
    }
    run.receive(event);
  });
  setHandler(stateQuery, () => run.state());

  try {
    const trigger = run.index.nodes.get(input.triggerNodeId);
    if (!trigger?.type.startsWith('trigger.')) {
      throw definitionFault(input.triggerNodeId, 'the journey must start at a trigger node of its flow');
    }
    let nodeId = input.triggerNodeId;
    for (;;) {
      const { node, visit } = run.enter(nodeId);
      const step = runNode(node, run, visit);
      const output = step instanceof Promise ? await step : step;
      if (output === null) return run.state();
      nodeId = run.follow(node, output);
    }
  } catch (error) {
    if (isEngineFailure(error)) await failJourney(run, error.message);
    throw error;
  }
}

/** The journey cannot go on: say so in visibility and on the timeline, and free the contact. */
async function failJourney(run: JourneyRun, reason: string): Promise<void> {
  run.status = 'failed';
  run.outcome = `failed: ${reason}`;
  upsertSearchAttributes([{ key: journeySearchAttributeKeys.JourneyStatus, value: 'failed' }]);
  await completeJourney.executeWithOptions({ summary: 'journey failed' }, [
    {
      journeyId: run.journeyId,
      firstRunId: run.firstRunId,
      contactId: run.input.contactId,
      nodeId: run.currentNodeId ?? run.input.triggerNodeId,
      outcome: run.outcome,
    },
  ]);
}
