import { canvasToDefinition, parseFlowDefinition, validateFlow } from '@threadline/flows';
import { describe, expect, it } from 'vitest';
import { BENCH_FLOW_META, generateBenchCanvas } from './benchFlow';

describe('the compile benchmark flow', () => {
  it.each([20, 100, 400])('has exactly %i nodes, parses and validates without an error or warning', (size) => {
    const definition = canvasToDefinition(generateBenchCanvas(size), BENCH_FLOW_META);
    expect(definition.nodes).toHaveLength(size);
    const parsed = parseFlowDefinition(JSON.parse(JSON.stringify(definition)));
    expect(parsed.ok ? [] : parsed.issues).toEqual([]);
    expect(validateFlow(definition)).toEqual([]);
  });

  it('is the same flow every time for a size, so runs compare', () => {
    expect(generateBenchCanvas(150)).toStrictEqual(generateBenchCanvas(150));
  });

  it('mixes the node types a real flow has', () => {
    const types = new Set(generateBenchCanvas(400).nodes.map((node) => node.type));
    for (const type of ['send', 'waitForReply', 'split', 'httpRequest', 'setVariables', 'voice.menu', 'voice.gather', 'call.outbound', 'route']) {
      expect(types).toContain(type);
    }
  });
});
