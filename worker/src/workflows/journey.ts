/**
 * The journey interpreter: one workflow per (flow, contact) that walks the pinned definition
 * from the trigger node, one node handler at a time (see `runNode`).
 */
import {
  CancellationScope,
  CancelledFailure,
  defineQuery,
  defineSignal,
  isCancellation,
  log,
  setHandler,
  upsertSearchAttributes,
} from '@temporalio/workflow';
import type { FlowNode } from '@threadline/flows/types';
import type { InboundEvent, JourneyInput, JourneyState, PendingWait } from '../journeys/contract';
import { INBOUND_EVENT_SIGNAL, journeySearchAttributeKeys, STATE_QUERY } from '../journeys/contract';
import { completeJourney } from './journeyActivities';
import { definitionFault, isEngineFailure } from './journeyFailures';
import { JourneyRun } from './journeyRun';
import { runNode } from './runNode';
import { visitDetail } from './visitDetail';

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
      // Date.now() is the workflow's deterministic clock inside the sandbox.
      run.trace.enter(node.id, node.type, visit, new Date().toISOString());
      const step = runNode(node, run, visit);
      const output = step instanceof Promise ? await step : step;
      leaveNode(run, node, output);
      // A cancel that lands while an activity runs reaches its handler as a failed activity
      // (a send takes `failed`): stop here rather than walk on from it.
      if (CancellationScope.current().consideredCancelled) throw new CancelledFailure('the journey was cancelled');
      if (output === null) return run.state();
      nodeId = run.follow(node, output);
    }
  } catch (error) {
    if (isCancellation(error)) {
      run.trace.leave(null, cancelledDetail(run.pendingWait), new Date().toISOString());
      // The workflow's own scope is cancelled: only a non-cancellable one can still free the contact.
      await CancellationScope.nonCancellable(() => cancelJourney(run));
    } else if (isEngineFailure(error)) {
      run.trace.leave(null, `failed: ${error.message}`, new Date().toISOString());
      await failJourney(run, error.message);
    }
    throw error;
  }
}

/** Closes the node's visit in the trace with its output and the reason, from what the handler recorded. */
function leaveNode(run: JourneyRun, node: FlowNode, output: string | null): void {
  const leftAt = new Date().toISOString();
  const waited = run.trace.current()?.enteredAt !== leftAt;
  run.trace.leave(output, visitDetail(node, { output, result: run.context.nodes[node.id], waited }), leftAt);
}

function cancelledDetail(wait: PendingWait | null): string {
  if (!wait) return 'cancelled';
  switch (wait.kind) {
    case 'reply':
      return 'cancelled while waiting for a reply';
    case 'event':
      return `cancelled while waiting for event ${wait.event ?? ''}`.trimEnd();
    case 'timer':
      return 'cancelled while waiting on a timer';
    default:
      return assertNever(wait.kind);
  }
}

function assertNever(value: never): never {
  throw new Error(`unhandled wait kind: ${String(value)}`);
}

/**
 * Cancelled from the API: the timeline says so and the contact is free for new journeys. The
 * run then ends as cancelled in Temporal (the caller rethrows), so the UI shows it as such.
 */
async function cancelJourney(run: JourneyRun): Promise<void> {
  const nodeId = run.currentNodeId ?? run.input.triggerNodeId;
  run.status = 'cancelled';
  run.pendingWait = null;
  run.outcome = 'cancelled';
  upsertSearchAttributes([{ key: journeySearchAttributeKeys.JourneyStatus, value: 'cancelled' }]);
  await completeJourney.executeWithOptions({ summary: `journey cancelled at ${nodeId}` }, [
    { journeyId: run.journeyId, firstRunId: run.firstRunId, contactId: run.input.contactId, nodeId, outcome: 'cancelled' },
  ]);
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
