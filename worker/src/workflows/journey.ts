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
import type { InboundEvent, JourneyInput, JourneyState, PendingWait, RestartRequest, SkipWaitRequest } from '../journeys/contract';
import { INBOUND_EVENT_SIGNAL, journeySearchAttributeKeys, RESTART_SIGNAL, SKIP_WAIT_SIGNAL, STATE_QUERY, WAIT_SKIPPED_DETAIL } from '../journeys/contract';
import { continueJourneyAsNew, shouldContinueAsNew } from './continueAsNew';
import { completeJourney } from './journeyActivities';
import { definitionFault, isEngineFailure } from './journeyFailures';
import { JourneyRun } from './journeyRun';
import { runNode } from './runNode';
import { Migration, MOVING } from './migrateToVersion';
import { resumedWaitNode } from './migrateWait';
import { leaveCallBefore } from './voice/leaveCall';
import { awaitTranscripts, pendingTranscriptsReadBy, registerTranscriptions } from './voice/transcripts';
import { finishCall, registerVoiceTurns } from './voice/voiceTurns';
import { visitDetail } from './visitDetail';

export const inboundEventSignal = defineSignal<[InboundEvent]>(INBOUND_EVENT_SIGNAL);
export const stateQuery = defineQuery<JourneyState>(STATE_QUERY);
export const restartSignal = defineSignal<[RestartRequest]>(RESTART_SIGNAL);
export const skipWaitSignal = defineSignal<[SkipWaitRequest]>(SKIP_WAIT_SIGNAL);

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
  // The API says which event restarts the journey, then cancels it: the trace and timeline name it.
  let restartedBy: string | null = null;
  // A re-run from a chosen node says so instead ("replaced by a re-run from send_offer").
  let restartDetail: string | null = null;
  setHandler(restartSignal, (request) => {
    if (typeof request?.by === 'string' && request.by !== '') restartedBy = request.by;
    if (typeof request?.detail === 'string' && request.detail !== '') restartDetail = request.detail;
  });
  registerVoiceTurns(run);
  registerTranscriptions(run);
  // The API's "move waiting journeys to a newer version" (migrateToVersion.ts).
  const migration = new Migration(run).register();
  // The simulator's "skip this wait": acts on a skippable pending wait only (waitSkip.ts).
  setHandler(skipWaitSignal, (request) => {
    const decision = run.waitSkip.request(run.pendingWait, request);
    if (decision.skip) log.info('skipping the pending wait (simulator)', { nodeId: decision.nodeId });
    else log.info('ignored a skipWait signal', { reason: decision.reason, nodeId: request?.nodeId });
  });

  try {
    const trigger = run.index.nodes.get(input.triggerNodeId);
    if (!trigger?.type.startsWith('trigger.')) {
      throw definitionFault(input.triggerNodeId, 'the journey must start at a trigger node of its flow');
    }
    let nodeId = input.resume?.nodeId ?? input.triggerNodeId;
    for (;;) {
      const { node, visit } = run.enter(nodeId);
      // Date.now() is the workflow's deterministic clock inside the sandbox.
      run.trace.enter(node.id, node.type, visit, new Date().toISOString());
      leaveCallBefore(node, run);
      const transcripts = pendingTranscriptsReadBy(node, run);
      if (transcripts.length > 0) await awaitTranscripts(run, node, transcripts);
      // A journey moved at this wait finishes the time it had left there (migrateWait.ts).
      const step = runNode(resumedWaitNode(node, input.resume, visit, Date.now()), run, visit);
      const output = step instanceof Promise ? await (Migration.awaitsAt(node) ? migration.race(node, step) : step) : step;
      if (output === MOVING) return await migration.moveAt(node);
      leaveNode(run, node, output);
      run.nodeStats.exit(node.id);
      // A cancel that lands while an activity runs reaches its handler as a failed activity
      // (a send takes `failed`): stop here rather than walk on from it.
      if (CancellationScope.current().consideredCancelled) throw new CancelledFailure('the journey was cancelled');
      if (output === null) {
        // A call still on the line hears its last turn before the run closes.
        await finishCall(run);
        return run.state();
      }
      nodeId = run.follow(node, output);
      if (shouldContinueAsNew(run)) return await continueJourneyAsNew(run, nodeId);
    }
  } catch (error) {
    if (isCancellation(error)) {
      const detail = restartedBy === null ? cancelledDetail(run.pendingWait) : (restartDetail ?? `restarted by ${restartedBy}`);
      run.trace.leave(null, detail, new Date().toISOString());
      // The workflow's own scope is cancelled: only a non-cancellable one can still free the contact.
      await CancellationScope.nonCancellable(() => cancelJourney(run, restartedBy));
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
  const detail = run.waitSkip.takeSkipped(node.id) ? WAIT_SKIPPED_DETAIL : visitDetail(node, { output, result: run.context.nodes[node.id], waited });
  run.trace.leave(output, detail, leftAt);
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
    case 'call':
      return 'cancelled while the call rang';
    case 'transcript':
      return `cancelled while waiting for the transcript of ${wait.event ?? 'a recording'}`;
    case 'caller':
      return 'cancelled while waiting for the caller';
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
async function cancelJourney(run: JourneyRun, restartedBy: string | null): Promise<void> {
  const nodeId = run.currentNodeId ?? run.input.triggerNodeId;
  run.status = 'cancelled';
  run.pendingWait = null;
  run.outcome = restartedBy === null ? 'cancelled' : `restarted by ${restartedBy}`;
  upsertSearchAttributes([{ key: journeySearchAttributeKeys.JourneyStatus, value: 'cancelled' }]);
  const summary = restartedBy === null ? `journey cancelled at ${nodeId}` : `journey restarted by ${restartedBy} at ${nodeId}`;
  // The journey leaves the node it was in: the builder's counts carry that with this activity.
  run.nodeStats.leaveCurrent();
  await completeJourney.executeWithOptions({ summary }, [
    run.nodeStats.attach({ journeyId: run.journeyId, firstRunId: run.firstRunId, contactId: run.input.contactId, nodeId, outcome: run.outcome }),
  ]);
}

/** The journey cannot go on: say so in visibility and on the timeline, and free the contact. */
async function failJourney(run: JourneyRun, reason: string): Promise<void> {
  run.status = 'failed';
  run.outcome = `failed: ${reason}`;
  upsertSearchAttributes([{ key: journeySearchAttributeKeys.JourneyStatus, value: 'failed' }]);
  run.nodeStats.leaveCurrent();
  await completeJourney.executeWithOptions({ summary: 'journey failed' }, [
    run.nodeStats.attach({
      journeyId: run.journeyId,
      firstRunId: run.firstRunId,
      contactId: run.input.contactId,
      nodeId: run.currentNodeId ?? run.input.triggerNodeId,
      outcome: run.outcome,
    }),
  ]);
}
