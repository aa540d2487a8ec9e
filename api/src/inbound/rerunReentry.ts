import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { isRerunWorkflowId, type JourneyInput } from '@threadline/worker/contract';
import { registerJourneys, unregisterJourneys } from '@threadline/worker/store';
import { enterJourney, type JourneyEntryDeps } from './journeyEntry';
import { restartJourney } from './restartJourney';

/**
 * A re-run (rerunJourney.ts, `journey:<flow>:<contact>:rerun-<n>`) is the contact's journey of
 * its flow under an id of its own. A trigger of the flow treats it as the re-entry policy
 * treats that journey: `ignore` hands it the event and starts no other; `restart` ends it and
 * starts the flow anew; `parallel` leaves it be, as it leaves every entry. The contact's
 * running journeys, which delivery reads anyway, name the re-runs: no extra work otherwise.
 */
export interface TriggeredEntry {
  input: JourneyInput;
  /** The id the trigger starts (registered as running before this is called). */
  startedId: string;
  /** When the event was handed over before (a redelivery); null on the first delivery. */
  handedOverAt: Date | null;
}

/** What the contact's other running journeys are, and the event's signals to them, in flight. */
export interface RunningBeside {
  contactId: string;
  waiting: readonly string[];
  /** Whether a journey of `waiting` took the event (false: it had ended, or was not told: a re-run being restarted). */
  signalled: (workflowId: string) => Promise<boolean>;
}

export function rerunsOf(waiting: readonly string[], flowId: string, contactId: string): string[] {
  return waiting.filter((workflowId) => isRerunWorkflowId(workflowId, flowId, contactId));
}

/** The re-runs that the triggers restart: they are ended, not handed the event. */
export function rerunsToRestart(inputs: readonly JourneyInput[], waiting: readonly string[], contactId: string): Set<string> {
  return new Set(inputs.filter((input) => policyOf(input) === 'restart').flatMap((input) => rerunsOf(waiting, input.flowId, contactId)));
}

/** Enters the journey the trigger asks for, minding a re-run of its flow; null when the re-run took the event instead. */
export async function enterBesideReruns(deps: JourneyEntryDeps, beside: RunningBeside, entry: TriggeredEntry): Promise<string | null> {
  const { input, startedId, handedOverAt } = entry;
  const policy = policyOf(input);
  const reruns = policy === 'parallel' ? [] : rerunsOf(beside.waiting, input.flowId, beside.contactId);
  if (reruns.length === 0) return enterJourney(deps, input, handedOverAt);

  if (policy === 'restart') {
    await Promise.all(reruns.map((workflowId) => restartJourney(deps.temporal, workflowId, input.trigger.eventId, deps.logger)));
    return enterJourney(deps, input, handedOverAt);
  }

  const delivered = await Promise.all(reruns.map((workflowId) => beside.signalled(workflowId)));
  if (delivered.some(Boolean)) {
    deps.logger.info({ flowId: input.flowId, journeyId: startedId }, 'a re-run of the flow is running: it took the trigger, no journey started beside it');
    // Registered before it was known to be unneeded; kept if it runs after all.
    await unregisterJourneys(deps.store, beside.contactId, [startedId], (workflowId) => isRunning(deps.temporal, workflowId));
    return null;
  }
  // The re-run had ended: the trigger starts the journey after all. Registered again once
  // started, so that a removal decided by a concurrent delivery cannot leave it unlisted.
  const started = await enterJourney(deps, input, handedOverAt);
  await registerJourneys(deps.store, beside.contactId, [started]);
  return started;
}

function policyOf(input: JourneyInput) {
  return input.definition.settings?.reentry ?? 'ignore';
}

/** Whether the journey's latest run is running. */
async function isRunning(temporal: Client, workflowId: string): Promise<boolean> {
  try {
    return (await temporal.workflow.getHandle(workflowId).describe()).status.name === 'RUNNING';
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return false;
    throw error;
  }
}
