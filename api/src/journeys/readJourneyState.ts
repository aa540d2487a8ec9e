import type { Client } from '@temporalio/client';
import { STATE_QUERY, type JourneyState } from '@threadline/worker/contract';
import { journeyStateSchema } from './journeyStateSchema';
import type { JourneyExecution } from './journeySummary';

/** A query needs a worker to answer; without one it would wait for the RPC's long default. */
const STATE_QUERY_TIMEOUT_MS = 2_000;

/** A journey's state, or why it could not be read (no worker, a failed run, a foreign result). */
export type JourneyStateReading = { state: JourneyState } | { state: null; stateError: string };

function reading(value: unknown, source: string): JourneyStateReading {
  const parsed = journeyStateSchema.safeParse(value);
  if (parsed.success) return { state: parsed.data };
  return { state: null, stateError: `the ${source} is not a journey state: ${parsed.error.issues[0]?.message ?? 'invalid'}` };
}

function failed(error: unknown): JourneyStateReading {
  return { state: null, stateError: error instanceof Error ? error.message : String(error) };
}

/**
 * Where a journey stands. A running one answers the `state` query; a completed one returned its
 * final state as its result (immediate for a closed run); any other closed run (failed,
 * terminated, timed out) is asked the query too, which a worker answers by replaying it.
 */
export async function readJourneyState(temporal: Client, info: JourneyExecution): Promise<JourneyStateReading> {
  const handle = temporal.workflow.getHandle(info.workflowId, info.runId);
  try {
    if (info.status.name === 'COMPLETED') {
      return reading(await handle.result(), 'workflow result');
    }
    const state = await temporal.withDeadline(Date.now() + STATE_QUERY_TIMEOUT_MS, () => handle.query<unknown>(STATE_QUERY));
    return reading(state, 'state query answer');
  } catch (error) {
    return failed(error);
  }
}

/** The running journeys' state, for lists: closed ones are left to the single-journey endpoint. */
export async function readRunningJourneyState(
  temporal: Client,
  info: JourneyExecution,
): Promise<{ state: JourneyState | null; stateError?: string }> {
  if (info.status.name !== 'RUNNING') return { state: null };
  return readJourneyState(temporal, info);
}
