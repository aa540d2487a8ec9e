/**
 * Between phases, waits for the stack to go quiet: a phase that overloads it leaves work
 * behind (the journeys' next workflow tasks, Temporal's visibility and timer tasks, SQLite
 * checkpoints), and without this the variant measured next would pay for it.
 */
import { sleep } from './leadLoad';
import { cpuSnapshot } from './processCpu';

const WINDOW_MS = 1_000;
/** Quiet: the bench process and both servers together use under a fifth of one core. */
const QUIET_CPU_SHARE = 0.2;

/** Resolves with how long it waited, at most `maxMs`, at least one window. */
export async function waitForQuiet(maxMs: number): Promise<number> {
  const started = Date.now();
  let before = total(cpuSnapshot());
  for (;;) {
    await sleep(WINDOW_MS);
    const now = total(cpuSnapshot());
    if (now - before < WINDOW_MS * QUIET_CPU_SHARE || Date.now() - started >= maxMs) return Date.now() - started;
    before = now;
  }
}

function total(snapshot: ReturnType<typeof cpuSnapshot>): number {
  return Object.values(snapshot).reduce((sum, value) => sum + value, 0);
}
