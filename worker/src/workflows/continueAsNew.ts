/**
 * Continue-as-new for long journeys: a journey looping through a delay for months would
 * otherwise grow one history without end, and Temporal fails a run at 50,000 events or 50 MB.
 * Checked between nodes only, where nothing is in flight, so the whole state is the
 * `JourneyResume` the next run starts from.
 */
import { allHandlersFinished, log, makeContinueAsNewFunc, workflowInfo } from '@temporalio/workflow';
import type { JourneyInput, JourneyState } from '../journeys/contract';
import type { JourneyRun } from './journeyRun';

/**
 * A run continues as new once its history reaches this many events. Far inside the 50,000-event
 * limit, and under the 10,240 at which Temporal starts warning; a run this long still replays in
 * a few milliseconds when a worker has to rebuild it from history, and the carried state (at most
 * a few hundred kilobytes) costs nothing at that rate. A loop of delay → setVariables → split
 * writes about seven events a round, so a run holds some 700 rounds. Temporal may also suggest it
 * earlier (`continueAsNewSuggested`, on history size), which is taken as well.
 */
export const CONTINUE_AS_NEW_AFTER_EVENTS = 5_000;

/**
 * True at a safe point to switch runs: the history is long, and no update or signal handler is
 * still running (an unfinished voice turn would lose its caller's answer). Journeys shorter than
 * the threshold never get here, so their commands are the same as before.
 */
export function shouldContinueAsNew(threshold: number = CONTINUE_AS_NEW_AFTER_EVENTS): boolean {
  const info = workflowInfo();
  return (info.continueAsNewSuggested || info.historyLength >= threshold) && allHandlersFinished();
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
