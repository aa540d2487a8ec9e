/**
 * Continue-as-new for long journeys: a journey looping through a delay for months would
 * otherwise grow one history without end, and Temporal fails a run at 50,000 events or 50 MB.
 * Checked between nodes only, where nothing is in flight, so the whole state is the
 * `JourneyResume` the next run starts from.
 */
import { allHandlersFinished, log, makeContinueAsNewFunc, patched, workflowInfo } from '@temporalio/workflow';
import type { JourneyInput, JourneyState } from '../journeys/contract';
import type { JourneyRun } from './journeyRun';
import { callInProgress } from './voice/voiceCall';

/**
 * A run continues as new once its history reaches this many events. Far inside the 50,000-event
 * limit, and under the 10,240 at which Temporal starts warning; a run this long still replays in
 * a few milliseconds when a worker has to rebuild it from history, and the carried state (at most
 * a few hundred kilobytes) costs nothing at that rate. A loop of delay → setVariables → split
 * writes about seven events a round, so a run holds some 700 rounds. Temporal may also suggest it
 * earlier (`continueAsNewSuggested`, on history size), which is taken as well.
 */
export const CONTINUE_AS_NEW_AFTER_EVENTS = 5_000;

/** Marks runs that keep a live call instead of continuing as new on it (older runs did not ask). */
export const STAY_ON_LIVE_CALL_PATCH = 'continue-as-new-waits-for-the-call-to-end';

/**
 * True at a safe point to switch runs: the history is long, no update or signal handler is
 * still running (an unfinished voice turn would lose its caller's answer), and no call is live.
 * Journeys shorter than the threshold never get here, so their commands are the same as before.
 *
 * A live call is not carried to the next run, on purpose: it is the turn being built, the two
 * last turns' TwiML a retried webhook may ask for again, and the node the caller's answer is
 * for, all of it tied to update handlers of this run. A call lasts minutes and writes a few
 * events a turn, far inside Temporal's 50,000; the switch waits for the call to end (a node that
 * waits off the call ends it first, leaveCall.ts) and happens at the next node after.
 * Today a turn's update is always in flight between nodes of a live call, so
 * `allHandlersFinished` alone kept the switch off the call; this says it outright, so a change
 * to how turns are answered cannot silently hang up on a caller.
 */
export function shouldContinueAsNew(run: JourneyRun, threshold: number = CONTINUE_AS_NEW_AFTER_EVENTS): boolean {
  const info = workflowInfo();
  if (!((info.continueAsNewSuggested || info.historyLength >= threshold) && allHandlersFinished())) return false;
  // patched() only here, where it decides: a run that continued as new on a live call before
  // this existed replays as it ran.
  return !(callInProgress(run) !== null && patched(STAY_ON_LIVE_CALL_PATCH));
}

/**
 * Ends this run and starts the next at `nodeId`, with the same input plus the state to go on
 * from. Events the journey has received are in the resume's inbox; one that arrives while the
 * switch is being recorded makes the server refuse it, and the task is run again with that
 * signal applied first, so none is lost. The memo (the trigger's event id) and the search
 * attributes as they stand now go along.
 */
export function continueJourneyAsNew(run: JourneyRun, nodeId: string): Promise<never> {
  const info = workflowInfo();
  const input: JourneyInput = { ...run.input, resume: run.resumeAt(nodeId) };
  log.info('journey continues as new', { nodeId, historyLength: info.historyLength, firstRunId: run.firstRunId });
  const next = makeContinueAsNewFunc<(input: JourneyInput) => Promise<JourneyState>>({
    ...(info.memo === undefined ? {} : { memo: info.memo }),
    typedSearchAttributes: info.typedSearchAttributes,
  });
  return next(input);
}
