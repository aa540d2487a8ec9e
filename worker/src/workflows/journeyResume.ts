/**
 * The bounds of what a journey carries into its next run (`JourneyResume`), and why they are
 * enough. A journey that loops for months continues as new many times: whatever it carries must
 * not grow with it, or the new run's input would end up as large as the history it replaces.
 */

/**
 * Event ids remembered across runs. Provider retries are stopped before the journey by the API
 * (an event marked delivered is never handed over again); the journey's own set only catches an
 * event handed over twice within seconds (a crash between persisting and marking delivered). The
 * most recent 1,000 ids cover far more than the events a contact sends in that window.
 */
export const MAX_CARRIED_EVENT_IDS = 1_000;

/**
 * Unconsumed events carried (replies no wait has taken yet, events for a later waitForEvent).
 * A wait takes the oldest first, so past this many the oldest are the least likely to be wanted;
 * 200 is more messages than any contact sends to one journey between two waits.
 */
export const MAX_CARRIED_INBOX = 200;

/** The path is for reading, like the trace: the most recent steps, as many as the trace keeps visits. */
export { MAX_TRACED_VISITS as MAX_CARRIED_PATH } from '../journeys/contract';

/** The last `limit` items (all of them when fewer). */
export function keepLast<T>(items: readonly T[], limit: number): T[] {
  return items.slice(Math.max(0, items.length - limit));
}
