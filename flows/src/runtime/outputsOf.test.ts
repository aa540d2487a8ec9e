import { describe, expect, it } from 'vitest';
import { defaultConfigOf, flowNodeSchema, nodeCatalog, nodeTypes } from '../catalog';
import type { FlowNode, FlowNodeOf, NodeConfigs, NodeType } from '../types';
import { demoDefinition as definition } from './demoDefinition.fixture';
import { outputsOf } from './outputsOf';

function nodeOf<T extends NodeType>(type: T, config: NodeConfigs[T]): FlowNodeOf<T> {
  return { id: 'n', type, config };
}

function catalogOutputs<T extends NodeType>(node: FlowNodeOf<T>): readonly string[] {
  return nodeCatalog[node.type].outputs(node.config);
}

/** Configs whose outputs depend on them, beyond each type's defaults. */
const configured: FlowNode[] = [
  nodeOf('waitForReply', { ...defaultConfigOf('waitForReply'), validation: { kind: 'number' } }),
  nodeOf('voice.menu', { ...defaultConfigOf('voice.menu'), options: [{ output: 'sales', digit: '1', phrases: [] }, { output: 'support', phrases: ['help'] }] }),
  nodeOf('intent', { ...defaultConfigOf('intent'), intents: [{ output: 'billing', examples: [], keywords: ['invoice'] }] }),
  nodeOf('abSplit', { branches: [{ output: 'a', weight: 1 }, { output: 'b', weight: 3 }] }),
  nodeOf('placeholder', { ...defaultConfigOf('placeholder'), outputs: ['success', 'failure'] }),
  nodeOf('split', { input: '{{ reply.text }}', conditions: [{ output: 'yes', operator: 'isNotBlank', values: [] }] }),
];

describe('outputsOf', () => {
  it('names each node type’s outputs, a split’s conditions followed by else', () => {
    expect(definition.nodes.map((node) => [node.id, outputsOf(node)])).toEqual([
      ['start', ['next']],
      ['ask', ['sent', 'failed', 'blocked']],
      ['wait', ['replied', 'timeout']],
      ['route', ['yes', 'else']],
      ['done', []],
    ]);
  });

  it('agrees with the catalog for every node type', () => {
    // Parsing narrows each to its member of the FlowNode union (and checks the defaults are valid).
    const defaults: FlowNode[] = nodeTypes.map((type) => flowNodeSchema.parse({ id: 'n', type, config: defaultConfigOf(type) }));
    for (const node of [...defaults, ...configured]) {
      expect([node.type, outputsOf(node)]).toEqual([node.type, catalogOutputs(node)]);
    }
  });
});
