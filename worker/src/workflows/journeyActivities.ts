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

/**
 * An HTTP request's own timeout is at most 30 s; the activity's leaves room for DNS and the
 * timeline. Network errors on GET, PUT and DELETE are retried a few times; POST and PATCH
 * override this with a single attempt (nodes/httpRequest.ts), and a 4xx or 5xx is an answer.
 */
export const { httpRequest } = proxyActivities<JourneyActivities>({
  startToCloseTimeout: '45s',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '10s', maximumAttempts: 3 },
});

/**
 * A contact update is idempotent and the journey's later nodes read its result, so it retries
 * until it is written; a contact that no longer exists fails it at once (not retryable).
 */
export const { updateContact } = proxyActivities<JourneyActivities>({
  startToCloseTimeout: '30s',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1m' },
});

/**
 * Reading a published version is idempotent: a store hiccup is retried a few times, then the
 * subflow node takes `failed` with the reason rather than holding the journey.
 */
export const { loadSubflow } = proxyActivities<JourneyActivities>({
  startToCloseTimeout: '30s',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '10s', maximumAttempts: 5 },
});

/**
 * Placing a call is kept to one per node visit by its outbox entry, so retries are safe; like a
 * send it gives up after a few minutes and the node takes `failed`.
 */
export const { placeCall } = proxyActivities<JourneyActivities>({
  startToCloseTimeout: '30s',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1m', maximumAttempts: 8 },
});
