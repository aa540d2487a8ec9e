import { describe, expect, it } from 'vitest';
import { generateBenchCanvas } from './benchFlow';
import { PIPELINES, STEPS, pipelineTotal, runPipelines } from './benchPipelines';

describe('runPipelines', () => {
  it('times every step of both pipelines over a clean flow', () => {
    const { times, definition } = runPipelines(generateBenchCanvas(40), ['builder', 'api']);
    expect(definition.nodes).toHaveLength(40);
    for (const step of STEPS) expect(times[step]).toBeGreaterThanOrEqual(0);
    expect(pipelineTotal(times, 'builder')).toBeCloseTo((times.canvasToDefinition ?? 0) + (times.validateFlow ?? 0));
  });

  it('runs only the steps of the pipeline asked for, as a cold run in a fresh process does', () => {
    const { times } = runPipelines(generateBenchCanvas(30), ['builder']);
    expect(Object.keys(times).sort()).toEqual([...PIPELINES.builder].sort());
    expect(pipelineTotal(times, 'api')).toBeNaN();
  });

  it('refuses to time a flow that does not validate clean', () => {
    const canvas = generateBenchCanvas(30);
    canvas.edges.pop();
    expect(() => runPipelines(canvas, ['builder'])).toThrow(/found issues/);
  });
});
