import type { Variant } from './benchStack';
import type { CompletedJourney } from './completedJourney';
import type { PhaseResult } from './phases';
import type { TimeBreakdown } from './timeBreakdown';

/** Everything one run measured; printed by report.ts and written to results/<timestamp>.json. */
export interface BenchResults {
  startedAt: string;
  durationSeconds: number;
  machine: { cpus: number; node: string; platform: string };
  flowVersion: number;
  warmup: PhaseResult[];
  steady: PhaseResult[];
  /** Every ladder step run, in order; a variant's ladder stops at its first failing rate. */
  ladder: PhaseResult[];
  /** The highest ladder rate with p99 < 150 ms and nothing lost; null when even the first failed. */
  sustainedRate: Record<Variant, number | null>;
  burst: PhaseResult[];
  /** Where a lead's time goes: at the ladder's first (light) rate, and in the steady phase. */
  breakdown: { light: Partial<Record<Variant, TimeBreakdown>>; steady: Partial<Record<Variant, TimeBreakdown>> };
  completedJourneys: CompletedJourney[];
}
