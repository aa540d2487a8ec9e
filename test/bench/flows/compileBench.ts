/**
 * `npm run bench -- flows`: how long the flow language takes over big flows. For generated
 * flows of 100, 1,000 and 5,000 nodes (benchFlow.ts: outreach and an IVR, validating clean) it
 * times the builder's compile + validate and a save through the API step by step
 * (benchPipelines.ts), each cold — the first pass in a fresh process, caches empty — and warm —
 * the median of several runs after a warm-up — beside a JSON round trip of the same definition
 * in the same run (the cheapest thing one could do with it), and prints how the times grow with
 * size. It needs no servers and judges nothing: the figures are for reading (the goal: 1,000
 * nodes well under 20 ms, near-linear growth).
 *
 * `--cold-runs N` sets the fresh processes per pipeline and size (default 3; 0 skips them).
 */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { generateBenchCanvas } from './benchFlow';
import { PIPELINES, STEPS, jsonRoundTrip, runPipelines, type Pipeline, type StepTimes } from './benchPipelines';
import { formatCompileReport, type SizeResult } from './compileReport';

const SIZES = [100, 1_000, 5_000] as const;
const COLD_RUN_ENTRY = fileURLToPath(new URL('./coldRun.ts', import.meta.url));

const log = (line: string) => process.stderr.write(`[bench:flows] ${line}\n`);

/** More runs for small flows, whose times are short and noisy; a few for the big one. */
function runsFor(size: number): { warmup: number; runs: number } {
  return size <= 100 ? { warmup: 20, runs: 41 } : size <= 1_000 ? { warmup: 5, runs: 21 } : { warmup: 3, runs: 9 };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function medianTimes(samples: readonly StepTimes[]): StepTimes {
  const times: StepTimes = {};
  for (const step of STEPS) {
    const values = samples.flatMap((sample) => (sample[step] === undefined ? [] : [sample[step]]));
    if (values.length > 0) times[step] = median(values);
  }
  return times;
}

/** One pass of `pipeline` in a fresh Node process with the same loader (tsx) as this one. */
function coldPass(pipeline: Pipeline, size: number): StepTimes {
  const output = execFileSync(process.execPath, [...process.execArgv, COLD_RUN_ENTRY, pipeline, String(size)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const parsed: unknown = JSON.parse(output);
  if (typeof parsed !== 'object' || parsed === null) throw new Error(`a cold run printed ${output}`);
  const times: StepTimes = {};
  for (const step of STEPS) {
    const value: unknown = (parsed as Record<string, unknown>)[step];
    if (typeof value === 'number') times[step] = value;
  }
  return times;
}

function coldTimes(size: number, coldRuns: number): Record<Pipeline, StepTimes> {
  const pipelines = Object.keys(PIPELINES) as Pipeline[];
  const samples = Object.fromEntries(pipelines.map((pipeline) => [pipeline, [] as StepTimes[]])) as Record<Pipeline, StepTimes[]>;
  // Interleaved, so a burst of load from elsewhere spreads over both pipelines.
  for (let run = 0; run < coldRuns; run += 1) {
    for (const pipeline of pipelines) samples[pipeline].push(coldPass(pipeline, size));
  }
  return Object.fromEntries(pipelines.map((pipeline) => [pipeline, medianTimes(samples[pipeline])])) as Record<Pipeline, StepTimes>;
}

function benchSize(size: number, coldRuns: number): SizeResult {
  const cold = coldTimes(size, coldRuns);
  const canvas = generateBenchCanvas(size);
  const { warmup, runs } = runsFor(size);
  const samples: StepTimes[] = [];
  const roundTrips: number[] = [];
  let edges = 0;
  for (let run = 0; run < warmup + runs; run += 1) {
    const { times, definition } = runPipelines(canvas, ['builder', 'api']);
    const baseline = jsonRoundTrip(definition);
    if (run < warmup) continue;
    samples.push(times);
    roundTrips.push(baseline);
    edges = definition.edges.length;
  }
  // Medians per step, and totals as their sums, so the columns add up: on a shared machine one
  // step of a run stalls now and then, and the median of whole runs would carry every stall.
  return { nodes: size, edges, runs, coldRuns, warm: medianTimes(samples), cold, jsonRoundTrip: median(roundTrips) };
}

function coldRunsArgument(args: readonly string[]): number {
  const at = args.indexOf('--cold-runs');
  if (at === -1) return 3;
  const value = Number(args[at + 1]);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--cold-runs takes a whole number, not ${args[at + 1] ?? 'nothing'}`);
  return value;
}

function main(): void {
  const coldRuns = coldRunsArgument(process.argv.slice(2));
  // A busy machine slows every figure alike; the ratios to the JSON round trip hold up better.
  const [load] = loadavg();
  log(`node ${process.versions.node}, ${cpus().length} cpus, load average ${load?.toFixed(1) ?? '?'}; sizes ${SIZES.join(', ')}`);
  const results: SizeResult[] = [];
  for (const size of SIZES) {
    const { warmup, runs } = runsFor(size);
    log(`${size} nodes: ${coldRuns} cold runs per pipeline in fresh processes, then ${warmup} warm-up runs and ${runs} timed …`);
    results.push(benchSize(size, coldRuns));
  }
  process.stdout.write(`\n${formatCompileReport(results)}\n\n`);
}

main();
