/**
 * The engine bench's arguments: `npm run bench -- engine --journeys 200 --waiting 10000`.
 * Small sizes for development on a shared machine; the defaults are the figures.
 */
export interface EngineArgs {
  /** Multi-step journeys per variant per round (journeys/s, events, CPU). */
  journeys: number;
  /** Journeys per variant run first and discarded, to warm the JIT and the caches. */
  warmup: number;
  /** Measured rounds per variant; the order alternates between rounds. */
  rounds: number;
  /** Journeys left waiting on timers in the interpreter's worker (RSS, firing); 0 skips it. */
  waiting: number;
  /** Starts in flight at once. */
  concurrency: number;
  /** Histories read per variant for the event count. */
  histories: number;
  /** The start rate the waiting journeys' fire time is planned on (starts/s). */
  startRate: number;
  /** Times each sampled history is replayed per variant per round in the replay phase; 0 skips it. */
  replays: number;
}

export const DEFAULT_ENGINE_ARGS: EngineArgs = { journeys: 200, warmup: 20, rounds: 2, waiting: 10_000, concurrency: 50, histories: 20, startRate: 18, replays: 10 };

const FLAGS: Record<string, keyof EngineArgs> = {
  '--journeys': 'journeys',
  '--warmup': 'warmup',
  '--rounds': 'rounds',
  '--waiting': 'waiting',
  '--concurrency': 'concurrency',
  '--histories': 'histories',
  '--start-rate': 'startRate',
  '--replays': 'replays',
};

/** Parses `--name value` pairs; anything else is an error, so a typo never runs the wrong size. */
export function parseEngineArgs(argv: readonly string[]): EngineArgs {
  const args: EngineArgs = { ...DEFAULT_ENGINE_ARGS };
  for (let index = 0; index < argv.length; index += 2) {
    const flag = argv[index] ?? '';
    const key = FLAGS[flag];
    if (key === undefined) throw new Error(`unknown argument "${flag}"; expected one of ${Object.keys(FLAGS).join(', ')}`);
    const raw = argv[index + 1];
    const value = Number(raw);
    if (raw === undefined || !Number.isInteger(value) || value < 0) throw new Error(`${flag} takes a whole number ≥ 0, not "${raw ?? ''}"`);
    args[key] = value;
  }
  for (const key of ['journeys', 'rounds', 'concurrency', 'startRate'] as const) {
    if (args[key] < 1) throw new Error(`--${key} must be at least 1`);
  }
  return args;
}
