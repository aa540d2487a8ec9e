import { CURRENT_SCHEMA_VERSION } from '@threadline/flows';
import { renderTemplate } from '@threadline/flows/runtime';
import type { FlowDefinition, FlowInterface } from '@threadline/flows/types';
import { describe, expect, it } from 'vitest';
import { prepareSubflowCall } from './subflowCall';

function collectAddress(flowInterface: FlowInterface | undefined, withTrigger = true): FlowDefinition {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id: 'collect-address',
    name: 'Collect address',
    interface: flowInterface,
    nodes: [
      ...(withTrigger ? [{ id: 'start', type: 'trigger.subflow' as const, config: {} }] : []),
      { id: 'done', type: 'end', config: { outcome: 'collected', returns: [] } },
    ],
    edges: withTrigger ? [{ from: 'start', output: 'next', to: 'done' }] : [],
    layout: {},
  };
}

const parentContext = { contact: { id: 'c_1', firstName: 'Ada' }, vars: { plan: 'pro' } };
const render = (template: string) => renderTemplate(template, parentContext);
const takesName: FlowInterface = { inputs: [{ name: 'name', required: true }, { name: 'plan', required: false }], outputs: [] };

describe('prepareSubflowCall', () => {
  it('starts at the flow\'s subflow trigger with the inputs rendered in the parent\'s context', () => {
    const call = prepareSubflowCall(collectAddress(takesName), [
      { name: 'name', value: '{{ contact.firstName }}' },
      { name: 'plan', value: '{{ vars.plan | upcase }}' },
    ], render);

    expect(call).toEqual({ ok: true, triggerNodeId: 'start', inputs: { name: 'Ada', plan: 'PRO' } });
  });

  it('refuses a required input the node left empty, naming it', () => {
    const call = prepareSubflowCall(collectAddress(takesName), [{ name: 'plan', value: 'pro' }], render);

    expect(call).toEqual({ ok: false, reason: 'required input "name" is empty' });
  });

  it('counts a required input that renders to blanks as empty', () => {
    const call = prepareSubflowCall(collectAddress(takesName), [{ name: 'name', value: ' {{ contact.lastName }} ' }], render);

    expect(call).toEqual({ ok: false, reason: 'required input "name" is empty' });
  });

  it('lets an optional input be left out', () => {
    const call = prepareSubflowCall(collectAddress(takesName), [{ name: 'name', value: 'Ada' }], render);

    expect(call).toEqual({ ok: true, triggerNodeId: 'start', inputs: { name: 'Ada' } });
  });

  it('calls a flow that declares no interface with whatever inputs the node gives', () => {
    const call = prepareSubflowCall(collectAddress(undefined), [{ name: 'note', value: 'hi' }], render);

    expect(call).toEqual({ ok: true, triggerNodeId: 'start', inputs: { note: 'hi' } });
  });

  it('refuses a flow without a subflow trigger', () => {
    const call = prepareSubflowCall(collectAddress(takesName, false), [{ name: 'name', value: 'Ada' }], render);

    expect(call).toEqual({ ok: false, reason: 'flow "collect-address" has no "Run as subflow" trigger' });
  });

  it('says which input did not render', () => {
    const call = prepareSubflowCall(collectAddress(takesName), [{ name: 'name', value: '{{ contact.firstName ' }], render);

    expect(call.ok).toBe(false);
    expect(call.ok ? '' : call.reason).toMatch(/^input "name" did not render: /);
  });
});
