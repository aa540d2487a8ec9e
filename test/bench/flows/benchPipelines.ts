import { performance } from 'node:perf_hooks';
import { canonicalFlowJson, canvasToDefinition, parseFlowDefinition, validateFlow, type CanvasGraph, type FlowDefinition } from '@threadline/flows';
import { BENCH_FLOW_META } from './benchFlow';

/*
 * The two ways a flow is compiled and validated in Threadline, step by step:
 *
 * - `builder`: on every edit the builder compiles its canvas and validates the result
 *   (builder-ui/src/store/flowValidation.ts): canvasToDefinition, then validateFlow. This is the
 *   issue's "compile + validate" figure.
 * - `api`: a save end to end: the canvas is compiled and printed as canonical JSON (what git and
 *   the API hold), the API parses what it receives and validates the parsed definition.
 */
export const PIPELINES = {
  builder: ['canvasToDefinition', 'validateFlow'],
  api: ['canvasToDefinition', 'canonicalFlowJson', 'parseFlowDefinition', 'validateParsed'],
} as const;

export type Pipeline = keyof typeof PIPELINES;
export type Step = (typeof PIPELINES)[Pipeline][number];

/** Every step once, in the order tables show them. */
export const STEPS: readonly Step[] = ['canvasToDefinition', 'validateFlow', 'canonicalFlowJson', 'parseFlowDefinition', 'validateParsed'];

export const STEP_TITLES: Readonly<Record<Step, string>> = {
  canvasToDefinition: 'canvasToDefinition',
  validateFlow: 'validateFlow',
  canonicalFlowJson: 'canonicalFlowJson',
  parseFlowDefinition: 'parseFlowDefinition',
  validateParsed: 'validateFlow of parsed',
};

export function isPipeline(name: string): name is Pipeline {
  return Object.hasOwn(PIPELINES, name);
}

/** Milliseconds per step of one pass. */
export type StepTimes = Partial<Record<Step, number>>;

function timed<T>(times: StepTimes, step: Step, work: () => T): T {
  const started = performance.now();
  const value = work();
  times[step] = performance.now() - started;
  return value;
}

/**
 * Runs the pipelines once over `canvas` and times each step. Throws when the flow does not parse
 * or validation finds anything: the bench times a clean, publishable flow, and a broken
 * generator must not pass for a fast compiler.
 */
export function runPipelines(canvas: CanvasGraph, pipelines: readonly Pipeline[]): { times: StepTimes; definition: FlowDefinition } {
  const times: StepTimes = {};
  const definition = timed(times, 'canvasToDefinition', () => canvasToDefinition(canvas, BENCH_FLOW_META));
  if (pipelines.includes('builder')) {
    expectNoIssues(timed(times, 'validateFlow', () => validateFlow(definition)), 'validateFlow');
  }
  if (pipelines.includes('api')) {
    const printed = timed(times, 'canonicalFlowJson', () => canonicalFlowJson(definition));
    // What the API receives is parsed JSON; reading the text is not the flow language's work.
    const input: unknown = JSON.parse(printed);
    const parsed = timed(times, 'parseFlowDefinition', () => parseFlowDefinition(input));
    if (!parsed.ok) throw new Error(`the bench flow does not parse: ${JSON.stringify(parsed.issues.slice(0, 3))}`);
    expectNoIssues(timed(times, 'validateParsed', () => validateFlow(parsed.definition)), 'validateFlow of the parsed definition');
  }
  return { times, definition };
}

function expectNoIssues(issues: readonly unknown[], step: string): void {
  if (issues.length > 0) throw new Error(`${step} found issues in the bench flow: ${JSON.stringify(issues.slice(0, 3))}`);
}

/** The sum of a pipeline's steps. */
export function pipelineTotal(times: StepTimes, pipeline: Pipeline): number {
  return PIPELINES[pipeline].reduce((sum, step) => sum + (times[step] ?? Number.NaN), 0);
}

/** The cheapest thing one could do with a definition, timed beside the steps as a yardstick. */
export function jsonRoundTrip(definition: FlowDefinition): number {
  const started = performance.now();
  JSON.parse(JSON.stringify(definition));
  return performance.now() - started;
}
