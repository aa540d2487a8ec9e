import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flowLibrary } from '../../library';
import type { FlowDefinition } from '../types';
import { validateFlow } from './validateFlow';

function relabelled(definition: FlowDefinition, labels: readonly string[]): FlowDefinition {
  return {
    ...definition,
    nodes: definition.nodes.map((node, index) => ({ ...node, label: labels[index % labels.length] ?? node.id })),
  };
}

describe('labels are free to change', () => {
  it('renaming every node of every library flow leaves it valid, since references use ids', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 40 }), { minLength: 1, maxLength: 12 }), (labels) => {
        for (const flow of flowLibrary) {
          expect(validateFlow(relabelled(flow.definition, labels)), flow.id).toEqual([]);
        }
      }),
      { numRuns: 25 },
    );
  });

  it('does not resolve a reference written with a label instead of an id', () => {
    const missedCall = flowLibrary.find((flow) => flow.id === 'missed-call-text-back');
    if (!missedCall) throw new Error('the library lost missed-call-text-back');
    const definition: FlowDefinition = {
      ...missedCall.definition,
      nodes: missedCall.definition.nodes.map((node) =>
        node.type === 'send' && node.id === 'send_pricing'
          ? { ...node, config: { ...node.config, template: 'You said {{ nodes["Wait for a reply"].reply.text }}' } }
          : node,
      ),
    };
    expect(validateFlow(definition)).toEqual([
      expect.objectContaining({ code: 'template-unknown-node', nodeId: 'send_pricing', path: 'nodes[send_pricing].config.template' }),
    ]);
  });
});
