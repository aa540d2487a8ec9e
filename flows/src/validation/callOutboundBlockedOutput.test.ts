import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, type FlowDefinition, type FlowEdge } from '../types';
import { validateFlow } from './validateFlow';

const CALL_OUTPUTS_BEFORE_BLOCKED = ['human', 'machine', 'noAnswer', 'busy', 'failed'] as const;

function callFlow(edges: readonly FlowEdge[]): FlowDefinition {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id: 'call-flow',
    name: 'Call flow',
    nodes: [
      { id: 'start', type: 'trigger.event', config: { event: 'call.me', payload: [] } },
      { id: 'call', type: 'call.outbound', config: { machineDetection: 'detect', timeoutSeconds: 30 } },
      { id: 'done', type: 'end', config: { outcome: 'done', returns: [] } },
    ],
    edges: [{ from: 'start', output: 'next', to: 'call' }, ...edges],
    layout: {},
  };
}

const outputsTo = (outputs: readonly string[]): FlowEdge[] => outputs.map((output) => ({ from: 'call', output, to: 'done' }));
const unconnected = (definition: FlowDefinition) => validateFlow(definition).filter((issue) => issue.code === 'output-not-connected');

describe('call.outbound\'s blocked output', () => {
  it('may be left unconnected when failed is connected: the engine takes failed instead', () => {
    expect(unconnected(callFlow(outputsTo(CALL_OUTPUTS_BEFORE_BLOCKED)))).toEqual([]);
  });

  it('must lead somewhere when failed does not either', () => {
    const issues = unconnected(callFlow(outputsTo(['human', 'machine', 'noAnswer', 'busy'])));
    expect(issues.map((issue) => issue.path)).toEqual(['nodes[call].outputs.failed', 'nodes[call].outputs.blocked']);
  });
});
