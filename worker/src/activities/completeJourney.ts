import type { Logger } from 'pino';
import { appendTimelineEvent, unregisterJourneys, type Store } from '../store';
import { completeJourneyInputSchema } from './activityInputSchemas';
import type { CompleteJourneyInput } from './activityTypes';

/**
 * Records how the journey ended (completed, failed or cancelled) on the contact's timeline
 * (once: keyed by the first run id) and removes it from the contact's running journeys, so
 * inbound events stop going to it.
 */
export async function completeJourney(store: Store, logger: Logger, rawInput: CompleteJourneyInput): Promise<void> {
  const input = completeJourneyInputSchema.parse(rawInput);
  const ending = endingOf(input.outcome);
  await appendTimelineEvent(store, {
    _id: `end:${input.firstRunId}`,
    contactId: input.contactId,
    at: new Date(),
    channel: 'internal',
    direction: 'internal',
    kind: 'journey',
    body: input.outcome,
    journeyId: input.journeyId,
    nodeId: input.nodeId,
    status: ending,
  });
  await unregisterJourneys(store, input.contactId, [input.journeyId]);
  logger.info(
    { journeyId: input.journeyId, contactId: input.contactId, nodeId: input.nodeId, outcome: input.outcome },
    `journey ${ending}`,
  );
}

/** The engine writes `failed: …` when it gives up and `cancelled` when the API cancelled the journey. */
function endingOf(outcome: string): 'completed' | 'failed' | 'cancelled' {
  if (outcome.startsWith('failed:')) return 'failed';
  // Cancelled from the API, or by a restart re-entry ("restarted by <eventId>").
  if (outcome === 'cancelled' || outcome.startsWith('restarted by ')) return 'cancelled';
  return 'completed';
}
