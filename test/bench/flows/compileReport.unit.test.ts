import { describe, expect, it } from 'vitest';
import type { StepTimes } from './benchPipelines';
import { formatCompileReport, type SizeResult } from './compileReport';

function size(nodes: number, scale: number): SizeResult {
  const warm: StepTimes = { canvasToDefinition: 1 * scale, validateFlow: 9 * scale, canonicalFlowJson: 2 * scale, parseFlowDefinition: 3 * scale, validateParsed: 4 * scale };
  return {
    nodes,
    edges: nodes * 2,
    runs: 5,
    coldRuns: 3,
    warm,
    cold: {
      builder: { canvasToDefinition: 2 * scale, validateFlow: 20 * scale },
      api: { canvasToDefinition: 2 * scale, canonicalFlowJson: 4 * scale, parseFlowDefinition: 6 * scale, validateParsed: 8 * scale },
    },
    jsonRoundTrip: scale,
  };
}

function lineStarting(report: string, section: string, start: string): string {
  const from = report.indexOf(section);
  const line = report
    .slice(from)
    .split('\n')
    .find((candidate) => candidate.startsWith(start));
  if (from === -1 || line === undefined) throw new Error(`no line "${start}" under "${section}"`);
  return line;
}

describe('formatCompileReport', () => {
  const report = formatCompileReport([size(100, 1), size(1_000, 10), size(5_000, 60)]);

  it('heads with compile + validate, cold and warm, as the builder runs it', () => {
    expect(report.indexOf('Compile + validate')).toBeLessThan(report.indexOf('Full pipeline'));
    // cold 2 + 20, warm 1 + 9 (×10), µs per node, the JSON round trip and the ratio to it
    expect(lineStarting(report, 'Compile + validate', '1,000').split(/\s+/)).toEqual(['1,000', '2,000', '220', '100', '100.0', '10', '10.00×']);
  });

  it('totals the full pipeline from its own steps: the parsed definition validated, not the canvas one', () => {
    expect(lineStarting(report, 'Full pipeline', '100 ').split(/\s+/)).toEqual(['100', '200', '20', '10', '100.0', '1.0', '10.00×']);
  });

  it('shows how each total and step grows from one size to the next, beside linear growth', () => {
    expect(report).toContain('100 → 1,000 (linear 10×)');
    expect(report).toContain('1,000 → 5,000 (linear 5×)');
    expect(lineStarting(report, 'Growth with size', 'compile + validate, warm').split(/\s{2,}/)).toEqual(['compile + validate, warm', '10.00×', '6.00×']);
  });

  it('shows a dash, not a made-up figure, where no cold run was made', () => {
    const noCold = formatCompileReport([{ ...size(100, 1), coldRuns: 0, cold: { builder: {}, api: {} } }]);
    expect(lineStarting(noCold, 'Compile + validate', '100').split(/\s+/)).toEqual(['100', '200', '—', '10', '100.0', '1.0', '10.00×']);
  });
});
