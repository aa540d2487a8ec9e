import { describe, expect, it } from 'vitest';
import type { FlowInterface, NodeConfigs, ValidationIssue } from '../types';
import type { ResolvedSubflow } from './checkSubflowCalls';
import { edge, flowEndingAt, node } from './smallFlows.fixture';
import { validateFlow } from './validateFlow';

const start = node('start', 'trigger.inboundMessage', { channels: [] });
const done = node('done', 'end', { outcome: 'done' });

const addressInterface: FlowInterface = {
  inputs: [
    { name: 'country', required: true },
    { name: 'hint', required: false },
  ],
  outputs: [{ name: 'address' }],
};
const flows: Record<string, ResolvedSubflow> = {
  'collect-address': { interface: addressInterface, publishedVersions: [1, 2] },
  'never-published': { publishedVersions: [] },
};
const resolveFlow = (flowId: string) => flows[flowId];

function validateCall(config: Partial<NodeConfigs['subflow']>, withResolver = true) {
  const call = node('sub', 'subflow', config);
  const definition = flowEndingAt('done', [start, call, done], [edge('start', 'next', 'sub')]);
  return validateFlow(definition, withResolver ? { resolveFlow } : {});
}

const found = (issues: ValidationIssue[]) => issues.map(({ code, nodeId, path }) => ({ code, nodeId, path }));

describe('subflow checks', () => {
  it('accepts a call to a published version with its required inputs', () => {
    expect(validateCall({ flowId: 'collect-address', version: 2, inputs: [{ name: 'country', value: 'US' }] })).toEqual([]);
    expect(validateCall({ flowId: 'collect-address', version: 'latest', inputs: [{ name: 'country', value: 'US' }] })).toEqual([]);
  });

  it('reports a flow that does not exist', () => {
    expect(found(validateCall({ flowId: 'nowhere', version: 'latest' }))).toEqual([
      { code: 'subflow-unknown-flow', nodeId: 'sub', path: 'nodes[sub].config.flowId' },
    ]);
  });

  it('reports a version that was never published, and "latest" of a flow never published', () => {
    const inputs = [{ name: 'country', value: 'US' }];
    expect(found(validateCall({ flowId: 'collect-address', version: 3, inputs }))).toEqual([
      { code: 'subflow-unknown-version', nodeId: 'sub', path: 'nodes[sub].config.version' },
    ]);
    expect(found(validateCall({ flowId: 'never-published', version: 'latest' }))).toEqual([
      { code: 'subflow-unknown-version', nodeId: 'sub', path: 'nodes[sub].config.version' },
    ]);
  });

  it('reports an input the subflow does not declare', () => {
    const issues = validateCall({
      flowId: 'collect-address',
      version: 1,
      inputs: [
        { name: 'country', value: 'US' },
        { name: 'zip', value: '94107' },
      ],
    });
    expect(found(issues)).toEqual([{ code: 'subflow-undeclared-input', nodeId: 'sub', path: 'nodes[sub].config.inputs[1].name' }]);
    expect(issues[0]?.message).toContain('country, hint');
  });

  it('reports a required input left out', () => {
    const issues = validateCall({ flowId: 'collect-address', version: 1, inputs: [{ name: 'hint', value: 'home' }] });
    expect(found(issues)).toEqual([{ code: 'subflow-missing-input', nodeId: 'sub', path: 'nodes[sub].config.inputs' }]);
    expect(issues[0]?.message).toContain('"country"');
  });

  it('skips the subflow checks offline, where no flow can be looked up', () => {
    expect(validateCall({ flowId: 'nowhere', version: 7 }, false)).toEqual([]);
  });

  it("reports an end returning an output the flow's interface does not declare", () => {
    const trigger = node('start', 'trigger.subflow');
    const finish = node('done', 'end', {
      outcome: 'done',
      returns: [
        { name: 'address', value: '{{ trigger.data.country }}' },
        { name: 'zip', value: '94107' },
      ],
    });
    const definition = flowEndingAt('done', [trigger, finish], [], addressInterface);
    expect(found(validateFlow(definition))).toEqual([
      { code: 'return-undeclared-output', nodeId: 'done', path: 'nodes[done].config.returns[1].name' },
    ]);

    const withoutInterface = flowEndingAt('done', [trigger, finish], []);
    expect(found(validateFlow(withoutInterface)).map((issue) => issue.path)).toEqual([
      'nodes[done].config.returns[0].name',
      'nodes[done].config.returns[1].name',
    ]);
  });
});
