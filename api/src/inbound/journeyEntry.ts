import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import { assertNever } from '@threadline/flows';
import { INBOUND_EVENT_SIGNAL, TRIGGER_EVENT_MEMO, type JourneyInput } from '@threadline/worker/contract';
import { registerJourneys, type Store } from '@threadline/worker/store';
import { journeyStartOptions } from '@threadline/worker/start';
import type { FastifyBaseLogger } from 'fastify';
import type { JourneyRouting } from './journeyRouting';
import { restartJourney } from './restartJourney';

export interface JourneyEntryDeps {
  store: Store;
  temporal: Client;
  journeys: JourneyRouting;
  logger: FastifyBaseLogger;
}

/**
 * Starts the journey a trigger event asks for, as the flow's re-entry policy says (product.md,
 * "Journey semantics"), and returns its workflow id:
 * - `ignore` (the default): the contact's running journey of the flow just receives the event
 *   (signal-with-start), else a new one starts;
 * - `restart`: the running one ends, saying which event restarted it, and a new one starts on
 *   the version published now;
 * - `parallel`: every trigger event has its own journey, named after the event.
 * Whatever the policy, an event that already started a journey never starts a second: a
 * parallel entry's id is taken for good (REJECT_DUPLICATE); for the one-per-contact ids an event
 * handed over again (after a crash between persisting and marking it delivered) starts nothing
 * when the latest run was started by it (its memo says so) or after it.
 */
export async function enterJourney(deps: JourneyEntryDeps, input: JourneyInput, handedOverAt: Date | null): Promise<string> {
  const { temporal, journeys, logger } = deps;
  const { workflowId, ...options } = journeyStartOptions(input, journeys.taskQueue);
  const event = input.trigger;
  const log = logger.child({ flowId: input.flowId, journeyId: workflowId, flowVersion: input.flowVersion });
  const policy = input.definition.settings?.reentry ?? 'ignore';
  switch (policy) {
    case 'ignore':
      // Only an event handed over before can have started the journey: on the first delivery
      // the hot path stays one call.
      // A running journey just receives it below; an ended one is not started again.
      if (handedOverAt && alreadyEntered(await latestRun(temporal, workflowId), event.eventId, handedOverAt, { running: false })) {
        log.info('the journey this event started, or a later one, exists already: not started again');
        return workflowId;
      }
      await temporal.workflow.signalWithStart(journeys.workflowType, { workflowId, ...options, signal: INBOUND_EVENT_SIGNAL, signalArgs: [event] });
      log.info('journey signalled with start');
      return workflowId;
    case 'restart': {
      // A run this event started, or a later trigger did, is not restarted by it again.
      if (handedOverAt && alreadyEntered(await latestRun(temporal, workflowId), event.eventId, handedOverAt, { running: true })) {
        log.info('the journey this event started, or a later one, exists already: not restarted');
        return workflowId;
      }
      const restarted = await restartJourney(temporal, workflowId, event.eventId, log);
      if (restarted === 'started-by-this-event') return workflowId;
      // USE_EXISTING: should another trigger have started the journey in the meantime, it stays.
      await temporal.workflow.start(journeys.workflowType, { workflowId, ...options, workflowIdConflictPolicy: 'USE_EXISTING' });
      if (restarted === 'restarted') {
        // The ended run took its id off the contact's running journeys; the new run is listed again.
        await registerJourneys(deps.store, input.contactId, [workflowId]);
      }
      log.info({ restarted: restarted === 'restarted' }, 'journey started');
      return workflowId;
    }
    case 'parallel':
      try {
        // REJECT_DUPLICATE: the id names the trigger event, so any earlier run with it, running
        // or ended, was started by this very event.
        await temporal.workflow.start(journeys.workflowType, { workflowId, ...options, workflowIdReusePolicy: 'REJECT_DUPLICATE' });
        log.info('parallel journey started');
      } catch (error) {
        if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
        log.info('the journey this event started exists already: not started again');
      }
      return workflowId;
    default:
      return assertNever(policy, 're-entry policy');
  }
}

interface LatestRun {
  /** The id of the event that started it, when it says (runs started before the memo existed do not). */
  startedBy: string | null;
  startTime: Date;
  running: boolean;
}

/** The latest run with this workflow id; null when there is none. */
async function latestRun(temporal: Client, workflowId: string): Promise<LatestRun | null> {
  try {
    const { memo, startTime, status } = await temporal.workflow.getHandle(workflowId).describe();
    const startedBy = memo?.[TRIGGER_EVENT_MEMO];
    return { startedBy: typeof startedBy === 'string' ? startedBy : null, startTime, running: status.name === 'RUNNING' };
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return null;
    throw error;
  }
}

/**
 * Whether an event handed over again has had its journey: the latest run was started by it, or
 * started after it was first recorded (by a later trigger, which supersedes it). `running` says
 * whether a running run of that kind counts too.
 */
function alreadyEntered(run: LatestRun | null, eventId: string, handedOverAt: Date, { running }: { running: boolean }): boolean {
  if (!run || (run.running && !running)) return false;
  return run.startedBy === eventId || run.startTime.getTime() >= handedOverAt.getTime();
}
