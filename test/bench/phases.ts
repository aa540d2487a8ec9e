/**
 * One phase for one variant: fire an open-loop batch of missed calls at one API, wait for the
 * sandbox to record every text-back (or give up), and turn what happened into figures.
 */
import type { BenchStack, Variant } from './benchStack';
import { awaitSends, type RecordedSend } from './collectSends';
import { cpuPerLead, cpuSnapshot, type CpuSource } from './processCpu';
import { summarizeLatencies, type LatencySummary } from './latency';
import { fireLeads, type LeadShot } from './leadLoad';
import type { LeadNumbers } from './leadNumbers';

export type PhaseName = 'warmup' | 'steady' | 'ladder' | 'burst' | 'history';

export interface PhaseSpec {
  name: PhaseName;
  ratePerSecond: number;
  leads: number;
  /** How long after the last answer to keep waiting for missing sends before calling them lost. */
  drainTimeoutMs: number;
}

export interface PhaseResult {
  phase: PhaseName;
  variant: Variant;
  ratePerSecond: number;
  leads: number;
  /** Requests that failed or answered other than 200. */
  httpErrors: number;
  /** Answered 200 without starting a journey: the trigger did not match. */
  unrouted: number;
  sent: number;
  /** Leads with no send recorded by the end of the drain wait: lost or unfinished. */
  lost: number;
  /** Missed call sent → sandbox send recorded, over the leads that were sent. */
  latencyMs: LatencySummary;
  /** Missed call sent → the API's answer read. */
  httpMs: LatencySummary;
  /** How late the open-loop scheduler sent requests (actual − scheduled): is the load honest? */
  schedulerLagMs: LatencySummary;
  /** Last send recorded − first request scheduled. */
  drainMs: number | null;
  /**
   * CPU ms per lead: this process (API, both workers, load generator) and the two servers.
   * The drain wait's polling is in here too, alike for both variants.
   */
  cpuMsPerLead: Partial<Record<CpuSource, number>>;
  firstErrors: string[];
}

export interface PhaseRun {
  result: PhaseResult;
  shots: LeadShot[];
  sends: Map<string, RecordedSend>;
}

export async function runPhase(stack: BenchStack, numbers: LeadNumbers, variant: Variant, spec: PhaseSpec): Promise<PhaseRun> {
  const leadNumbers = numbers.take(spec.leads);
  const cpuBefore = cpuSnapshot();
  const { startedAt, shots } = await fireLeads({ apiUrl: stack.apiUrls[variant], numbers: leadNumbers, ratePerSecond: spec.ratePerSecond });
  // Only leads the API answered with a journey can be waited for; the rest are counted at the end.
  const expected = shots.filter((shot) => shot.journeys > 0).map((shot) => shot.from);
  const sends = await awaitSends(stack.store, leadNumbers, expected, spec.drainTimeoutMs);
  const cpuMsPerLead = cpuPerLead(cpuBefore, cpuSnapshot(), spec.leads);

  const latencies: number[] = [];
  let lastSendAt: number | null = null;
  for (const shot of shots) {
    const send = sends.get(shot.from);
    if (!send) continue;
    latencies.push(send.at - shot.sentAt);
    lastSendAt = Math.max(lastSendAt ?? 0, send.at);
  }
  const failed = shots.filter((shot) => shot.error !== null);
  const result: PhaseResult = {
    phase: spec.name,
    variant,
    ratePerSecond: spec.ratePerSecond,
    leads: spec.leads,
    httpErrors: failed.length,
    unrouted: shots.filter((shot) => shot.error === null && shot.journeys === 0).length,
    sent: latencies.length,
    lost: spec.leads - latencies.length,
    latencyMs: summarizeLatencies(latencies),
    httpMs: summarizeLatencies(shots.flatMap((shot) => (shot.answeredAt === null ? [] : [shot.answeredAt - shot.sentAt]))),
    schedulerLagMs: summarizeLatencies(shots.map((shot) => shot.sentAt - shot.scheduledAt)),
    drainMs: lastSendAt === null ? null : lastSendAt - startedAt,
    cpuMsPerLead,
    firstErrors: [...new Set(failed.map((shot) => shot.error ?? ''))].slice(0, 3),
  };
  return { result, shots, sends };
}

/** The bar a ladder step must clear to count as sustained. */
export const LADDER_P99_LIMIT_MS = 150;

export function sustains(result: PhaseResult): boolean {
  return result.lost === 0 && result.httpErrors === 0 && result.unrouted === 0 && result.latencyMs.p99 < LADDER_P99_LIMIT_MS;
}
