/** The engine bench's printout: both variants side by side with the ratios, then the waiting journeys. */
import { VARIANTS, type Variant } from '../benchStack';
import { ratio, textTable } from '../textTable';
import { ENGINE_GOALS, type EngineResults } from './engineResults';
import type { ThroughputRound } from './throughputRound';

export interface VariantTotals {
  journeys: number;
  journeysPerSecond: number;
  eventsPerJourney: number;
  eventsMin: number;
  eventsMax: number;
  cpuMsPerJourney: number;
}

/** Over the measured rounds: journeys over summed time, CPU over summed journeys. */
export function totalsOf(rounds: readonly ThroughputRound[]): VariantTotals | null {
  if (rounds.length === 0) return null;
  const journeys = rounds.reduce((sum, round) => sum + round.journeys, 0);
  const seconds = rounds.reduce((sum, round) => sum + round.seconds, 0);
  const cpuMs = rounds.reduce((sum, round) => sum + round.workerCpuMsPerJourney * round.journeys, 0);
  const sampled = rounds.reduce((sum, round) => sum + round.historyEvents.sampled, 0);
  const events = rounds.reduce((sum, round) => sum + round.historyEvents.mean * round.historyEvents.sampled, 0);
  return {
    journeys,
    journeysPerSecond: journeys / seconds,
    eventsPerJourney: events / Math.max(sampled, 1),
    eventsMin: Math.min(...rounds.map((round) => round.historyEvents.min)),
    eventsMax: Math.max(...rounds.map((round) => round.historyEvents.max)),
    cpuMsPerJourney: cpuMs / journeys,
  };
}

export function formatEngineReport(results: EngineResults): string {
  const totals = Object.fromEntries(VARIANTS.map((variant) => [variant, totalsOf(results.rounds.filter((round) => round.variant === variant))])) as Record<
    Variant,
    VariantTotals | null
  >;
  const { interpreter, baseline } = totals;
  const lines = [
    `Threadline engine bench — ${results.startedAt}, ${results.machine.cpus} cores, Node ${results.machine.node}, ${results.durationSeconds.toFixed(0)} s`,
    'The multi-step journey: trigger → send sms → delay 2s → send sms → waitForReply (the bench replies) → split → send sms → end.',
    'interpreter = journeyWorkflow running it as a flow definition; baseline = the same steps hand-written as a Temporal workflow.',
    `Each variant's worker runs in its own process (production createJourneyWorker); CPU = that process's process.cpuUsage().`,
    `${results.args.journeys} journeys started at once (${results.args.concurrency} starts in flight), timed from the first start to the last completion;`,
    `${results.args.rounds} measured round(s) per variant after ${results.args.warmup} warm-up journeys, alternating which goes first.`,
    '',
    textTable(
      ['', 'journeys', 'journeys/s', 'events/journey', 'worker CPU ms/journey'],
      VARIANTS.map((variant) => {
        const total = totals[variant];
        return [
          variant,
          String(total?.journeys ?? 0),
          fixed(total?.journeysPerSecond, 1),
          total ? `${fixed(total.eventsPerJourney, 1)}${total.eventsMin === total.eventsMax ? '' : ` (${total.eventsMin}–${total.eventsMax})`}` : '—',
          fixed(total?.cpuMsPerJourney, 2),
        ];
      }).concat([
        [
          'interpreter / baseline',
          '',
          ratio(interpreter?.journeysPerSecond, baseline?.journeysPerSecond),
          ratio(interpreter?.eventsPerJourney, baseline?.eventsPerJourney),
          ratio(interpreter?.cpuMsPerJourney, baseline?.cpuMsPerJourney),
        ],
        ['goal', '', `≥ ${ENGINE_GOALS.throughputRatioMin.toFixed(2)}×`, '1.00×', `≤ ${ENGINE_GOALS.cpuRatioMax.toFixed(2)}×`],
      ]),
    ),
    ...eventTypeDifferences(results),
    '',
    textTable(
      ['round', 'variant', 'journeys', 's', 'journeys/s', 'CPU ms/journey', 'outcomes'],
      results.rounds.map((round, index) => [
        String(Math.floor(index / 2) + 1),
        round.variant,
        String(round.journeys),
        fixed(round.seconds, 1),
        fixed(round.journeysPerSecond, 1),
        fixed(round.workerCpuMsPerJourney, 2),
        Object.entries(round.outcomes)
          .map(([outcome, count]) => `${outcome} ${count}`)
          .join(', '),
      ]),
    ),
    '',
    ...waitingSection(results),
    '',
    ...replaySection(results),
  ];
  return lines.join('\n');
}

/** When the event counts differ, which event types make the difference. */
function eventTypeDifferences(results: EngineResults): string[] {
  const first = (variant: Variant) => results.rounds.find((round) => round.variant === variant)?.eventTypes ?? {};
  const [interpreter, baseline] = [first('interpreter'), first('baseline')];
  const types = [...new Set([...Object.keys(interpreter), ...Object.keys(baseline)])].sort();
  const differing = types.filter((type) => (interpreter[type] ?? 0) !== (baseline[type] ?? 0));
  if (differing.length === 0) return [`Histories: the same event types and counts in both (${types.length} types).`];
  return ['Histories differ in:', ...differing.map((type) => `  ${type}: interpreter ${interpreter[type] ?? 0}, baseline ${baseline[type] ?? 0}`)];
}

function waitingSection(results: EngineResults): string[] {
  const waiting = results.waiting;
  const worker = results.workers.interpreter;
  const cache = `maxCachedWorkflows ${worker.maxCachedWorkflows} (createJourneyWorker's default; heap limit ${worker.heapSizeLimitMiB} MiB)`;
  if (!waiting) return ['Waiting journeys: skipped (--waiting 0).', `Interpreter worker: ${cache}.`];
  const rss = waiting.allWaitingAfterGc ?? waiting.allWaiting;
  return [
    `${waiting.journeys} interpreter journeys waiting on a waitUntil timer that fires at ${waiting.fireAt} (${waiting.waitingAtFire} were waiting then);`,
    `started through the client in ${waiting.startSeconds.toFixed(0)} s (${waiting.startsPerSecond.toFixed(0)}/s). Worker: ${cache}.`,
    textTable(
      ['interpreter worker', 'RSS MiB', 'main heap used MiB'],
      [
        ['idle, before the starts (after GC)', mib(waiting.idle.rssBytes), mib(waiting.idle.heapUsedBytes)],
        [`${waiting.waitingAtFire} waiting`, mib(waiting.allWaiting.rssBytes), mib(waiting.allWaiting.heapUsedBytes)],
        [
          `${waiting.waitingAtFire} waiting, after a forced GC`,
          waiting.allWaitingAfterGc ? mib(waiting.allWaitingAfterGc.rssBytes) : '—',
          waiting.allWaitingAfterGc ? mib(waiting.allWaitingAfterGc.heapUsedBytes) : '—',
        ],
        ['peak while the timers fired', mib(waiting.peakRssWhileFiringBytes), ''],
      ],
    ),
    `RSS per waiting journey: ${((rss.rssBytes - waiting.idle.rssBytes) / 2 ** 10 / Math.max(waiting.waitingAtFire, 1)).toFixed(0)} KiB over the idle worker. ` +
      '(Main heap = the Node main thread; the workflows run in the SDK\'s workflow thread, whose heap only RSS shows, and a forced GC does not reach.)',
    `Goal: under ${ENGINE_GOALS.waitingRssMiB} MiB with them waiting — ${rss.rssBytes / 2 ** 20 < ENGINE_GOALS.waitingRssMiB ? 'met' : 'NOT met'} (${mib(rss.rssBytes)} MiB).`,
    `Timers firing together: ${waiting.completed} of ${waiting.journeys} completed; fire time → median completion ${fixed(waiting.fireToMedianCompletionSeconds, 1)} s, ` +
      `→ last completion ${fixed(waiting.fireToLastCompletionSeconds, 1)} s; worker CPU ${fixed(waiting.workerCpuMsPerJourneyFiring, 2)} ms per journey while firing.`,
  ];
}

/** The workflow code alone: the median round of replaying each variant's sampled histories. */
function replaySection(results: EngineResults): string[] {
  const replay = results.replay;
  if (!replay) return ['Replay: skipped (--replays 0).'];
  const [interpreter, baseline] = [median(replay.cpuMsPerJourney.interpreter), median(replay.cpuMsPerJourney.baseline)];
  return [
    `Replay (workflow code only, no server): ${replay.histories.interpreter} / ${replay.histories.baseline} sampled histories replayed ${replay.repeat} times per round, ` +
      `${replay.cpuMsPerJourney.interpreter.length} alternating rounds, median round:`,
    textTable(
      ['', 'CPU ms per replayed journey'],
      [
        ['interpreter', fixed(interpreter, 2)],
        ['baseline', fixed(baseline, 2)],
        ['interpreter / baseline', ratio(interpreter, baseline)],
      ],
    ),
  ];
}

function median(values: readonly number[]): number | null {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? null : (sorted[Math.floor(sorted.length / 2)] ?? null);
}

function mib(bytes: number): string {
  return (bytes / 2 ** 20).toFixed(0);
}

function fixed(value: number | null | undefined, digits: number): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '—' : value.toFixed(digits);
}
