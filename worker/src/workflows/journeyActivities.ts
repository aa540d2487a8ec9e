import { proxyActivities } from '@temporalio/workflow';
import type { JourneyActivities } from '../activities/activityTypes';

/**
 * A send gives up after a few minutes of retries and takes its `failed` output: a flow can
 * route around a dead channel, which beats a journey stuck on one send for days.
 */
export const { sendMessage } = proxyActivities<JourneyActivities>({
  startToCloseTimeout: '30s',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1m', maximumAttempts: 8 },
});

/** Completing is idempotent and must happen, so it retries until it does. */
export const { completeJourney } = proxyActivities<JourneyActivities>({
  startToCloseTimeout: '30s',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1m' },
});
