/**
 * The worker's outbound throttles: one token bucket per key (a provider's sends, a
 * destination host's HTTP calls), held in memory, so the limits are PER WORKER PROCESS: two
 * worker processes on one provider may together reach twice its rate. A caller over the rate
 * waits its turn (heartbeating through a long wait) rather than failing; only a backlog longer
 * than the activity could wait out is handed back to the caller, which retries later (sends,
 * `throttleBacklogFailure`) or explains it (HTTP requests).
 */
import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { TokenBucket } from './tokenBucket';
import type { Rate } from './throttleRates';

export interface ThrottleClock {
  nowMs(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: ThrottleClock = {
  nowMs: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface ThrottleWaitOptions {
  /** Called every few seconds of a long wait, so a heartbeat timeout does not kill the attempt. */
  heartbeat?: (() => void) | undefined;
  /** A wait longer than this is not taken: `acquire` reports the backlog, reserving nothing. */
  maxWaitMs?: number | undefined;
}

/** Longest wait inside one attempt: well under the send and HTTP activities' 30 s start-to-close. */
export const DEFAULT_MAX_THROTTLE_WAIT_MS = 20_000;
const HEARTBEAT_EVERY_MS = 5_000;

export type ThrottleTurn = { ok: true; waitedMs: number } | { ok: false; backlogMs: number; reason: string };

export interface Throttle {
  /**
   * Waits until `key` may make one more call at `rate` (null: at once). A wait longer than
   * `maxWaitMs` is not taken: the turn says how long the backlog is, and nothing is reserved.
   */
  acquire(key: string, rate: Rate | null, options?: ThrottleWaitOptions): Promise<ThrottleTurn>;
}

export function createThrottle(clock: ThrottleClock = systemClock): Throttle {
  // A bucket per key and rate: a key whose rate changes starts afresh.
  const buckets = new Map<string, TokenBucket>();
  return {
    async acquire(key, rate, options = {}) {
      if (rate === null) return { ok: true, waitedMs: 0 };
      const bucketKey = `${key}@${rate.text}`;
      const now = clock.nowMs();
      let bucket = buckets.get(bucketKey);
      if (!bucket) {
        bucket = new TokenBucket(rate, now);
        buckets.set(bucketKey, bucket);
      }
      const maxWaitMs = options.maxWaitMs ?? DEFAULT_MAX_THROTTLE_WAIT_MS;
      const wouldWait = bucket.waitFor(now);
      if (wouldWait > maxWaitMs) {
        return { ok: false, backlogMs: wouldWait, reason: `${key} is throttled to ${rate.text} and the next free slot is ${Math.ceil(wouldWait / 1000)} s away` };
      }
      const wait = bucket.reserve(now);
      for (let left = wait; left > 0; left -= HEARTBEAT_EVERY_MS) {
        await clock.sleep(Math.min(left, HEARTBEAT_EVERY_MS));
        options.heartbeat?.();
      }
      return { ok: true, waitedMs: wait };
    },
  };
}

/**
 * A backlog handed to Temporal: a retryable failure timed for when a slot should be free
 * (less a margin, so the retry queues up rather than arriving late).
 */
export function throttleBacklogFailure(turn: { backlogMs: number; reason: string }): ApplicationFailure {
  return ApplicationFailure.create({
    type: 'ThrottleBacklog',
    message: turn.reason,
    nextRetryDelay: Math.max(1000, turn.backlogMs - DEFAULT_MAX_THROTTLE_WAIT_MS / 2),
  });
}

/** Heartbeats the current activity attempt; a no-op outside one (a test calling directly). */
export function heartbeatIfInActivity(): void {
  try {
    Context.current().heartbeat();
  } catch {
    // Not inside an activity.
  }
}
