/**
 * `npm run bench`: speed to lead on the embedded stack, the interpreter beside a hand-written
 * baseline workflow in the same run. Phases alternate between the variants, since the machine
 * is shared and noisy: warm-up, steady 20 leads/s, a rate ladder, a burst; then one journey of
 * each driven to completion for the history count. Prints the tables and writes
 * test/bench/results/<timestamp>.json. Stops the stack at the end, on error and on Ctrl-C.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { normalizeAddress } from '@threadline/worker/store';
import {
  BREAKDOWN_SAMPLE,
  BURST,
  BURST_DRAIN_TIMEOUT_MS,
  DRAIN_TIMEOUT_MS,
  LADDER_RATES,
  LADDER_STEP_SECONDS,
  SETTLE_MAX_MS,
  STEADY,
  WARMUP,
  WATCHDOG_MS,
} from './benchPlan';
import type { BenchResults } from './benchResults';
import { startBenchStack, VARIANTS, type BenchStack, type Variant } from './benchStack';
import { driveJourneyToCompletion } from './completedJourney';
import { LeadNumbers } from './leadNumbers';
import { runPhase, sustains, type PhaseResult, type PhaseRun, type PhaseSpec } from './phases';
import { formatReport } from './report';
import { breakDownLeadTime } from './timeBreakdown';
import { waitForQuiet } from './waitForQuiet';

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const resultsDir = fileURLToPath(new URL('./results/', import.meta.url));

let stack: BenchStack | null = null;
let stopping: Promise<void> | null = null;
function stopStack(): Promise<void> {
  stopping ??= stack ? stack.stop() : Promise.resolve();
  return stopping;
}

async function abandon(reason: string, exitCode: number): Promise<never> {
  log(`${reason}: stopping the stack`);
  await stopStack();
  process.exit(exitCode);
}
process.once('SIGINT', () => void abandon('interrupted', 130));
process.once('SIGTERM', () => void abandon('terminated', 143));
setTimeout(() => void abandon(`still running after ${WATCHDOG_MS / 60_000} min`, 1), WATCHDOG_MS).unref();

async function main(): Promise<void> {
  const started = Date.now();
  const numbers = new LeadNumbers();
  checkLeadNumbersAreValid();

  log('starting the stack: Temporal dev server, FerretDB, both workers, both APIs …');
  stack = await startBenchStack(log);
  const bench = stack;
  await waitForQuiet(SETTLE_MAX_MS);
  log(`ready: interpreter API ${bench.apiUrls.interpreter}, baseline API ${bench.apiUrls.baseline}`);

  /** Runs one phase for each variant, alternating which goes first to spread drift between them. */
  const alternate = async (spec: PhaseSpec, round: number, only: ReadonlySet<Variant> = new Set(VARIANTS)): Promise<Map<Variant, PhaseRun>> => {
    const order = round % 2 === 0 ? VARIANTS : [...VARIANTS].reverse();
    const runs = new Map<Variant, PhaseRun>();
    for (const variant of order) {
      if (!only.has(variant)) continue;
      const run = await runPhase(bench, numbers, variant, spec);
      runs.set(variant, run);
      const settledMs = await waitForQuiet(SETTLE_MAX_MS);
      log(`${describe(run.result)} (then ${(settledMs / 1000).toFixed(0)} s to go quiet)`);
    }
    return runs;
  };
  const results = (runs: Map<Variant, PhaseRun>): PhaseResult[] => VARIANTS.flatMap((variant) => runs.get(variant)?.result ?? []);

  log(`warm-up: ${WARMUP.leads} leads per variant at ${WARMUP.ratePerSecond}/s (discarded)`);
  const warmup = await alternate({ name: 'warmup', ...WARMUP, drainTimeoutMs: DRAIN_TIMEOUT_MS }, 0);

  log(`steady: ${STEADY.leads} leads per variant at ${STEADY.ratePerSecond}/s`);
  const steady = await alternate({ name: 'steady', ...STEADY, drainTimeoutMs: DRAIN_TIMEOUT_MS }, 0);

  log(`rate ladder: ${LADDER_RATES.join(', ')} leads/s, ${LADDER_STEP_SECONDS} s each`);
  const ladder: PhaseResult[] = [];
  const sustainedRate: Record<Variant, number | null> = { interpreter: null, baseline: null };
  const climbing = new Set<Variant>(VARIANTS);
  let firstRung = new Map<Variant, PhaseRun>();
  for (const [step, rate] of LADDER_RATES.entries()) {
    if (climbing.size === 0) break;
    const spec: PhaseSpec = { name: 'ladder', ratePerSecond: rate, leads: rate * LADDER_STEP_SECONDS, drainTimeoutMs: DRAIN_TIMEOUT_MS };
    const runs = await alternate(spec, step + 1, climbing);
    if (step === 0) firstRung = runs;
    for (const [variant, run] of runs) {
      ladder.push(run.result);
      if (sustains(run.result)) sustainedRate[variant] = rate;
      else climbing.delete(variant);
    }
  }

  log(`burst: ${BURST.leads} leads in one second per variant`);
  const burst = await alternate({ name: 'burst', ...BURST, drainTimeoutMs: BURST_DRAIN_TIMEOUT_MS }, 1);

  log('one journey per variant to completion, for the history count; breaking down where the time goes …');
  const completedJourneys = [];
  for (const variant of VARIANTS) completedJourneys.push(await driveJourneyToCompletion(bench, numbers, variant));
  const breakdown: BenchResults['breakdown'] = { light: {}, steady: {} };
  for (const [variant, run] of firstRung) breakdown.light[variant] = await breakDownLeadTime(bench, run, BREAKDOWN_SAMPLE);
  for (const [variant, run] of steady) breakdown.steady[variant] = await breakDownLeadTime(bench, run, BREAKDOWN_SAMPLE);

  const report: BenchResults = {
    startedAt: new Date(started).toISOString(),
    durationSeconds: (Date.now() - started) / 1000,
    machine: { cpus: cpus().length, node: process.versions.node, platform: `${process.platform}-${process.arch}` },
    flowVersion: bench.flowVersion,
    warmup: results(warmup),
    steady: results(steady),
    ladder,
    sustainedRate,
    burst: results(burst),
    breakdown,
    completedJourneys,
  };
  await mkdir(resultsDir, { recursive: true });
  const file = `${resultsDir}${report.startedAt.replace(/[:.]/g, '-')}.json`;
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);

  process.stdout.write(`\n${formatReport(report)}\n\nResults written to ${file}\n`);
}

/** The bench's numbers must be ones the API accepts, or every lead would be a 400. */
function checkLeadNumbersAreValid(): void {
  const probe = new LeadNumbers();
  const [first] = probe.take(1);
  const last = probe.take(20_000).at(-1);
  for (const number of [first, last]) if (number !== undefined) normalizeAddress('voice', number);
}

function describe(result: PhaseResult): string {
  const l = result.latencyMs;
  const problems = result.lost + result.httpErrors + result.unrouted;
  return (
    `${result.phase} ${result.ratePerSecond}/s ${result.variant}: ${result.sent}/${result.leads} sent, p50 ${l.p50.toFixed(0)} ms, ` +
    `p99 ${l.p99.toFixed(0)} ms, max ${l.max.toFixed(0)} ms` +
    (problems > 0 ? ` — ${result.lost} lost, ${result.httpErrors} HTTP errors, ${result.unrouted} unrouted ${result.firstErrors.join(' | ')}` : '')
  );
}

try {
  await main();
  await stopStack();
  process.exit(0);
} catch (error) {
  log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  await stopStack();
  process.exit(1);
}
