/** Everything one engine bench run measured, as written to test/bench/results/engine-<time>.json. */
import type { Variant } from '../benchStack';
import type { EngineArgs } from './engineArgs';
import type { ReplayResult } from './replayPhase';
import type { ThroughputRound } from './throughputRound';
import type { WaitingResult } from './waitingPhase';

export interface EngineResults {
  startedAt: string;
  durationSeconds: number;
  machine: { cpus: number; node: string; platform: string };
  args: EngineArgs;
  /** Each variant's worker process as the SDK configured it (the production defaults). */
  workers: Record<Variant, { maxCachedWorkflows: number; heapSizeLimitMiB: number }>;
  rounds: ThroughputRound[];
  waiting: WaitingResult | null;
  replay: ReplayResult | null;
}

/** The goals of issue 6's "Done when". */
export const ENGINE_GOALS = { cpuRatioMax: 1.1, throughputRatioMin: 0.9, waitingRssMiB: 512 };
