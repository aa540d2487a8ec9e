import { ms, ratio, textTable } from '../textTable';
import { PIPELINES, STEPS, STEP_TITLES, pipelineTotal, type Pipeline, type Step, type StepTimes } from './benchPipelines';

/** What the bench measured for one flow size. */
export interface SizeResult {
  nodes: number;
  edges: number;
  /** Timed runs after the warm-up. */
  runs: number;
  /** Fresh processes per pipeline for the cold figures. */
  coldRuns: number;
  /** Median milliseconds per step after warm-up. */
  warm: StepTimes;
  /** Median milliseconds per step of the first pass in a fresh process, per pipeline. */
  cold: Record<Pipeline, StepTimes>;
  /** Median milliseconds of JSON.parse(JSON.stringify(definition)). */
  jsonRoundTrip: number;
}

const PIPELINE_TITLES: Readonly<Record<Pipeline, string>> = {
  builder: 'Compile + validate (canvasToDefinition + validateFlow): the builder, on every edit',
  api: 'Full pipeline (canvasToDefinition → canonicalFlowJson → parseFlowDefinition → validateFlow of the parsed definition): a save through the API',
};

function count(value: number): string {
  return value.toLocaleString('en-US');
}

function microsecondsPerNode(milliseconds: number, nodes: number): string {
  return Number.isFinite(milliseconds) ? ((milliseconds * 1000) / nodes).toFixed(1) : '—';
}

function pipelineTable(results: readonly SizeResult[], pipeline: Pipeline): string {
  return textTable(
    ['nodes', 'edges', 'cold ms', 'warm ms', 'warm µs/node', 'JSON round trip ms', 'warm × JSON round trip'],
    results.map((result) => {
      const warm = pipelineTotal(result.warm, pipeline);
      return [
        count(result.nodes),
        count(result.edges),
        ms(pipelineTotal(result.cold[pipeline], pipeline)),
        ms(warm),
        microsecondsPerNode(warm, result.nodes),
        ms(result.jsonRoundTrip),
        ratio(warm, result.jsonRoundTrip),
      ];
    }),
  );
}

/** A cold step comes from the first pipeline that has it (canvasToDefinition: the builder's). */
function coldStep(result: SizeResult, step: Step): number | undefined {
  const pipeline = (Object.keys(PIPELINES) as Pipeline[]).find((name) => (PIPELINES[name] as readonly Step[]).includes(step));
  return pipeline === undefined ? undefined : result.cold[pipeline][step];
}

function stepsTable(results: readonly SizeResult[], which: 'warm' | 'cold'): string {
  return textTable(
    ['nodes', 'runs', ...STEPS.map((step) => `${STEP_TITLES[step]} ms`)],
    results.map((result) => [
      count(result.nodes),
      String(which === 'warm' ? result.runs : result.coldRuns),
      ...STEPS.map((step) => ms(which === 'warm' ? result.warm[step] : coldStep(result, step))),
    ]),
  );
}

interface GrowthRow {
  title: string;
  at: (result: SizeResult) => number | undefined;
}

function growthTable(results: readonly SizeResult[]): string {
  const rows: GrowthRow[] = [
    ...(Object.keys(PIPELINES) as Pipeline[]).flatMap((pipeline) => {
      const title = pipeline === 'builder' ? 'compile + validate' : 'full pipeline';
      return [
        { title: `${title}, warm`, at: (result: SizeResult) => pipelineTotal(result.warm, pipeline) },
        { title: `${title}, cold`, at: (result: SizeResult) => pipelineTotal(result.cold[pipeline], pipeline) },
      ];
    }),
    ...STEPS.map((step) => ({ title: `${STEP_TITLES[step]}, warm`, at: (result: SizeResult) => result.warm[step] })),
  ];
  const pairs = results.slice(1).map((result, index) => ({ from: results[index], to: result }));
  return textTable(
    ['', ...pairs.map(({ from, to }) => `${count(from?.nodes ?? 0)} → ${count(to.nodes)} (linear ${ratioOfSizes(from, to)})`)],
    rows.map((row) => [row.title, ...pairs.map(({ from, to }) => ratio(to === undefined ? undefined : row.at(to), from === undefined ? undefined : row.at(from)))]),
  );
}

function ratioOfSizes(from: SizeResult | undefined, to: SizeResult): string {
  return from === undefined ? '—' : `${Number((to.nodes / from.nodes).toFixed(2))}×`;
}

/**
 * The bench's report: the two pipelines' totals cold and warm, every step, and how each grows
 * from one size to the next beside what linear growth would be. Figures only, no verdict.
 */
export function formatCompileReport(results: readonly SizeResult[]): string {
  const coldRuns = results[0]?.coldRuns ?? 0;
  return [
    `Cold: the first pass in a fresh process (empty caches, cold JIT), median of ${coldRuns} processes. Warm: median after warm-up.`,
    '',
    PIPELINE_TITLES.builder,
    pipelineTable(results, 'builder'),
    '',
    PIPELINE_TITLES.api,
    pipelineTable(results, 'api'),
    '',
    'Steps, warm (median ms)',
    stepsTable(results, 'warm'),
    '',
    'Steps, cold (median ms; canvasToDefinition and validateFlow from the builder pass, the rest from the API pass)',
    stepsTable(results, 'cold'),
    '',
    'Growth with size',
    growthTable(results),
  ].join('\n');
}
