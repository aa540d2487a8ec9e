/**
 * What the bench runs, in one place. Every loop is bounded in count and time: about four
 * minutes on the 2-core machine (the ladder stops at a variant's first failing rate; the
 * watchdog ends a run that somehow goes on).
 */
// Warm-up runs below the stack's capacity (about 13 leads/s on 2 cores, see .notes): it is there
// to warm the JIT and caches, not to queue work into the next phase.
export const WARMUP = { leads: 50, ratePerSecond: 10 };
export const STEADY = { leads: 300, ratePerSecond: 20 };
// Starts below the 20 leads/s goal: on 2 cores the whole stack saturates earlier than that,
// and the ladder should still say where p99 < 150 ms holds.
export const LADDER_RATES = [5, 10, 15, 20, 30, 40, 60, 80, 100, 120] as const;
export const LADDER_STEP_SECONDS = 5;
export const BURST = { leads: 200, ratePerSecond: 200 };

/** How long to wait for missing sends after a phase's last answer before counting them lost. */
export const DRAIN_TIMEOUT_MS = 15_000;
/** The burst promise is "within 90 s"; we wait 60 s for it to drain. */
export const BURST_DRAIN_TIMEOUT_MS = 60_000;
/** At most this long between phases for the stack to go quiet (see waitForQuiet.ts). */
export const SETTLE_MAX_MS = 30_000;
/** Leads per variant whose time is broken down from the stored checkpoints. */
export const BREAKDOWN_SAMPLE = 50;
/** The whole run is abandoned (stack stopped, exit 1) past this. */
export const WATCHDOG_MS = 8 * 60_000;

/** The goals of product.md's quality bars. */
export const GOALS = { p50Ms: 15, p99Ms: 50, atRate: 20, sustainedRate: 60, burstLeads: 200, burstDrainMs: 90_000 };
