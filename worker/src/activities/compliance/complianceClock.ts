import { Context } from '@temporalio/activity';

/**
 * The time a compliance decision is taken at: the later of this machine's clock and the time
 * Temporal scheduled this activity attempt. In production they agree to within moments (the
 * machine's is later). Under the time-skipping test server the server's clock runs ahead, and a
 * send deferred to 08:00 must see 08:00 when its timer fires, not the real time of the test.
 * Outside an activity (a test calling the function directly) it is the machine's clock.
 */
export function complianceNow(): Date {
  const machine = Date.now();
  let scheduled = 0;
  try {
    scheduled = Context.current().info.currentAttemptScheduledTimestampMs;
  } catch {
    // Not inside an activity.
  }
  return new Date(Math.max(machine, scheduled));
}
