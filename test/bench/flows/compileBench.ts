/**
 * `npm run bench -- flows`: how long the flow language takes over big flows. For generated
 * flows of 100, 1,000 and 5,000 nodes (benchFlow.ts: outreach and an IVR, validating clean) it
 * times each step the API and the builder run on a save — canvas → definition, canonical JSON,
 * parseFlowDefinition, validateFlow — as the median of several runs after a warm-up, beside a
 * JSON round trip of the same definition in the same run (the cheapest thing one could do with
 * it), and prints how the times grow with size. It needs no servers and judges nothing: the
 * figures are for reading (the goal: 1,000 nodes well under 20 ms, near-linear growth).
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { canonicalFlowJson, canvasToDefinition, parseFlowDefinition, validateFlow, type FlowDefinition } from '@threadline/flows';
import { ms, ratio, textTable } from '../textTable';
import { BENCH_FLOW_META, generateBenchCanvas } from './benchFlow';

const SIZES = [100, 1_000, 5_000] as const;
const STEPS = ['canvasToDefinition', 'canonicalFlowJson', 'parseFlowDefinition', 'validateFlow'] as const;
type Step = (typeof STEPS)[number];

interface SizeResult {
  nodes: number;
  edges: number;
  /** Median milliseconds per step. */
  steps: Record<Step, number>;
  total: number;
  jsonRoundTrip: number;
  runs: number;
}

const log = (line: string) => process.stderr.write(`[bench:flows] ${line}\n`);

/** More runs for small flows, whose times are short and noisy; a few for the big one. */
function runsFor(size: number): { warmup: number; runs: number } {
  return size <= 100 ? { warmup: 20, runs: 41 } : size <= 1_000 ? { warmup: 5, runs: 21 } : { warmup: 3, runs: 9 };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function timed<T>(work: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = work();
  return { value, ms: performance.now() - started };
}

function benchSize(size: number): SizeResult {
  const canvas = generateBenchCanvas(size);
  const { warmup, runs } = runsFor(size);
  const samples: Record<Step | 'jsonRoundTrip', number[]> = {
    canvasToDefinition: [],
    canonicalFlowJson: [],
    parseFlowDefinition: [],
    validateFlow: [],
    jsonRoundTrip: [],
  };
  let edges = 0;
  for (let run = 0; run < warmup + runs; run += 1) {
    const compiled = timed(() => canvasToDefinition(canvas, BENCH_FLOW_META));
    const definition: FlowDefinition = compiled.value;
    const printed = timed(() => canonicalFlowJson(definition));
    // What the API receives is parsed JSON; reading the text is not the flow language's work.
    const input: unknown = JSON.parse(printed.value);
    const parsed = timed(() => parseFlowDefinition(input));
    if (!parsed.value.ok) throw new Error(`the bench flow of ${size} nodes does not parse: ${JSON.stringify(parsed.value.issues.slice(0, 3))}`);
    const validated = timed(() => validateFlow(definition));
    if (validated.value.length > 0) {
      throw new Error(`the bench flow of ${size} nodes has issues: ${JSON.stringify(validated.value.slice(0, 3))}`);
    }
    const baseline = timed(() => JSON.parse(JSON.stringify(definition)) as unknown);
    if (run < warmup) continue;
    samples.canvasToDefinition.push(compiled.ms);
    samples.canonicalFlowJson.push(printed.ms);
    samples.parseFlowDefinition.push(parsed.ms);
    samples.validateFlow.push(validated.ms);
    samples.jsonRoundTrip.push(baseline.ms);
    edges = definition.edges.length;
  }
  const steps = Object.fromEntries(STEPS.map((step) => [step, median(samples[step])])) as Record<Step, number>;
  // The sum of the steps' medians, so the columns add up: on a shared machine one step of a run
  // stalls now and then, and the median of whole runs would carry every step's stalls.
  const total = STEPS.reduce((sum, step) => sum + steps[step], 0);
  return { nodes: size, edges, steps, total, jsonRoundTrip: median(samples.jsonRoundTrip), runs };
}

function microsecondsPerNode(milliseconds: number, nodes: number): string {
  return ((milliseconds * 1000) / nodes).toFixed(1);
}

export function formatCompileReport(results: readonly SizeResult[]): string {
  const timesTable = textTable(
    ['nodes', 'edges', 'runs', ...STEPS.map((step) => `${step} ms`), 'total ms', 'µs/node', 'JSON round trip ms', '× JSON round trip'],
    results.map((result) => [
      result.nodes.toLocaleString('en-US'),
      result.edges.toLocaleString('en-US'),
      String(result.runs),
      ...STEPS.map((step) => ms(result.steps[step])),
      ms(result.total),
      microsecondsPerNode(result.total, result.nodes),
      ms(result.jsonRoundTrip),
      ratio(result.total, result.jsonRoundTrip),
    ]),
  );
  const growthRows = [...STEPS, 'total' as const].map((step) => {
    const at = (index: number) => {
      const result = results[index];
      if (result === undefined) return undefined;
      return step === 'total' ? result.total : result.steps[step];
    };
    return [step, ratio(at(1), at(0)), ratio(at(2), at(1))];
  });
  const [first, second, third] = results;
  const growthTable = textTable(
    ['step', `${first?.nodes ?? '?'} → ${second?.nodes ?? '?'} (linear 10×)`, `${second?.nodes ?? '?'} → ${third?.nodes ?? '?'} (linear 5×)`],
    growthRows,
  );
  return [
    'Flow compile and validation (median ms per step after warm-up; total = their sum)',
    timesTable,
    '',
    'Growth with size',
    growthTable,
  ].join('\n');
}

function main(): void {
  // A busy machine slows every figure alike; the ratios to the JSON round trip hold up better.
  const [load] = loadavg();
  log(`node ${process.versions.node}, ${cpus().length} cpus, load average ${load?.toFixed(1) ?? '?'}; sizes ${SIZES.join(', ')}`);
  const results: SizeResult[] = [];
  for (const size of SIZES) {
    const { warmup, runs } = runsFor(size);
    log(`${size} nodes: ${warmup} warm-up runs, then ${runs} timed …`);
    results.push(benchSize(size));
  }
  process.stdout.write(`\n${formatCompileReport(results)}\n\n`);
}

main();
