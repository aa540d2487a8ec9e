import { describe, expect, it } from 'vitest';
import type { Variant } from '../benchStack';
import { formatEngineReport, totalsOf } from './engineReport';
import type { EngineResults } from './engineResults';
import type { ThroughputRound } from './throughputRound';

function round(variant: Variant, journeys: number, seconds: number, cpuMs: number, events: number, eventTypes: Record<string, number>): ThroughputRound {
  return {
    variant,
    journeys,
    seconds,
    journeysPerSecond: journeys / seconds,
    workerCpuMsPerJourney: cpuMs,
    historyIds: [],
    historyEvents: { mean: events, min: events, max: events, sampled: 5 },
    eventTypes,
    outcomes: { answered: journeys },
  };
}

const results: EngineResults = {
  startedAt: '2026-11-25T19:00:00.000Z',
  durationSeconds: 300,
  machine: { cpus: 2, node: '22.0.0', platform: 'linux-x64' },
  args: { journeys: 100, warmup: 10, rounds: 1, waiting: 0, concurrency: 50, histories: 5, startRate: 40, replays: 0 },
  workers: { interpreter: { maxCachedWorkflows: 2310, heapSizeLimitMiB: 4144 }, baseline: { maxCachedWorkflows: 2310, heapSizeLimitMiB: 4144 } },
  rounds: [
    round('interpreter', 100, 20, 12, 46, { TIMER_STARTED: 2, ACTIVITY_TASK_SCHEDULED: 4 }),
    round('baseline', 100, 10, 10, 46, { TIMER_STARTED: 2, ACTIVITY_TASK_SCHEDULED: 4 }),
  ],
  waiting: null,
  replay: null,
};

describe('the engine bench report', () => {
  it('totals rounds as journeys over summed time and CPU over summed journeys', () => {
    const totals = totalsOf([round('interpreter', 100, 20, 12, 46, {}), round('interpreter', 300, 20, 4, 46, {})]);
    expect(totals?.journeysPerSecond).toBe(10);
    expect(totals?.cpuMsPerJourney).toBe(6);
  });

  it('prints the interpreter/baseline ratios beside the goals', () => {
    const report = formatEngineReport(results);
    const ratios = report.split('\n').find((line) => line.startsWith('interpreter / baseline'));
    expect(ratios?.split(/\s{2,}/)).toEqual(['interpreter / baseline', '0.50×', '1.00×', '1.20×']);
    expect(report).toContain('the same event types and counts in both');
    expect(report).toContain('Waiting journeys: skipped (--waiting 0).');
    expect(report).toContain('maxCachedWorkflows 2310');
  });

  it('prints the median replay round of each variant and their ratio', () => {
    const replayed = { ...results, replay: { histories: { interpreter: 5, baseline: 5 }, repeat: 10, cpuMsPerJourney: { interpreter: [30, 24, 25, 99], baseline: [20, 19, 40, 21] } } };
    const report = formatEngineReport(replayed);
    expect(report).toContain('5 / 5 sampled histories replayed 10 times per round, 4 alternating rounds');
    const ratios = report.split('\n').filter((line) => line.startsWith('interpreter / baseline')).at(-1);
    expect(ratios?.split(/\s{2,}/)).toEqual(['interpreter / baseline', '1.43×']);
  });

  it('names the event types whose counts differ between the variants', () => {
    const differing = { ...results, rounds: [round('interpreter', 1, 1, 1, 47, { TIMER_STARTED: 3 }), round('baseline', 1, 1, 1, 46, { TIMER_STARTED: 2 })] };
    expect(formatEngineReport(differing)).toContain('  TIMER_STARTED: interpreter 3, baseline 2');
  });
});
