import { beforeEach, describe, expect, it } from 'vitest';
import { defaultConfigOf, parseFlowDefinition } from '@threadline/flows';
import type { FlowDefinition } from '@threadline/flows/types';
import { useFlowStore } from './flowStore';
import { currentDefinition, selectValidation } from './flowValidation';

const emptyFlow: FlowDefinition = {
  schemaVersion: 2,
  id: 'welcome',
  name: 'Welcome',
  nodes: [],
  edges: [],
  layout: {},
};

const store = () => useFlowStore.getState();

function buildTriggerSendEnd(): void {
  store().addNode('trigger.inboundMessage', { x: 0, y: 0 });
  store().addNode('send', { x: 0, y: 150 });
  store().addNode('end', { x: 0, y: 300 });
  store().connect({ source: 'inboundMessage_1', sourceHandle: 'next', target: 'send_1', targetHandle: 'in' });
  store().connect({ source: 'send_1', sourceHandle: 'sent', target: 'end_1', targetHandle: 'in' });
}

describe('the flow store', () => {
  beforeEach(() => store().loadFlow(emptyFlow, null));

  it('names dropped nodes after their type with the first free number and gives them the catalog defaults', () => {
    const first = store().addNode('send', { x: 10, y: 20 });
    const second = store().addNode('send', { x: 10, y: 200 });
    expect([first, second]).toEqual(['send_1', 'send_2']);
    const node = store().nodes.find((n) => n.id === 'send_2');
    expect(node?.data.config).toEqual(defaultConfigOf('send'));
    expect(node?.position).toEqual({ x: 10, y: 200 });
  });

  it('selects a dropped node alone so the inspector shows it', () => {
    store().addNode('send', { x: 0, y: 0 });
    store().addNode('end', { x: 0, y: 100 });
    expect(store().nodes.filter((n) => n.selected).map((n) => n.id)).toEqual(['end_1']);
  });

  it('does not share the catalog defaults between nodes', () => {
    store().addNode('trigger.inboundMessage', { x: 0, y: 0 });
    store().updateNodeConfig('inboundMessage_1', 'channels', ['sms']);
    expect(defaultConfigOf('trigger.inboundMessage')).toEqual({ channels: [] });
  });

  it('removes an optional field from the config when it is cleared, rather than keeping it empty', () => {
    store().addNode('send', { x: 0, y: 0 });
    store().updateNodeConfig('send_1', 'subject', 'Your booking');
    expect(store().nodes[0]?.data.config).toHaveProperty('subject', 'Your booking');
    store().updateNodeConfig('send_1', 'subject', undefined);
    expect(Object.keys(store().nodes[0]?.data.config ?? {})).not.toContain('subject');
  });

  it('moves an output to its new target when it is connected again, rather than forking it', () => {
    buildTriggerSendEnd();
    store().addNode('end', { x: 200, y: 300 });
    store().connect({ source: 'send_1', sourceHandle: 'sent', target: 'end_2', targetHandle: 'in' });
    const fromSent = store().edges.filter((e) => e.source === 'send_1' && e.sourceHandle === 'sent');
    expect(fromSent.map((e) => e.target)).toEqual(['end_2']);
  });

  it('ignores a connection that names no output', () => {
    buildTriggerSendEnd();
    store().connect({ source: 'send_1', sourceHandle: null, target: 'end_1', targetHandle: null });
    expect(store().edges).toHaveLength(2);
  });

  it('compiles the canvas into a definition with the nodes, edges, config and layout drawn', () => {
    buildTriggerSendEnd();
    store().updateNodeConfig('send_1', 'template', 'Thanks {{ contact.firstName }}!');
    store().updateNodeLabel('send_1', 'Say thanks');
    const definition = currentDefinition(store());
    expect(definition.nodes.map((n) => [n.id, n.type])).toEqual([
      ['inboundMessage_1', 'trigger.inboundMessage'],
      ['send_1', 'send'],
      ['end_1', 'end'],
    ]);
    expect(definition.nodes[1]).toMatchObject({ label: 'Say thanks', config: { template: 'Thanks {{ contact.firstName }}!' } });
    expect(definition.edges).toEqual([
      { from: 'inboundMessage_1', output: 'next', to: 'send_1' },
      { from: 'send_1', output: 'sent', to: 'end_1' },
    ]);
    expect(definition.layout['send_1']).toEqual({ x: 0, y: 150 });
  });

  it('reopens a saved definition as the same graph', () => {
    buildTriggerSendEnd();
    const parsed = parseFlowDefinition(JSON.parse(JSON.stringify(currentDefinition(store()))));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    store().loadFlow(parsed.definition, 2);
    expect(currentDefinition(store())).toEqual(parsed.definition);
    expect(store().publishedVersion).toBe(2);
  });

  it('derives validation issues per node from the graph, and clears them when the graph is fixed', () => {
    store().addNode('trigger.inboundMessage', { x: 0, y: 0 });
    store().addNode('send', { x: 0, y: 150 });
    store().connect({ source: 'inboundMessage_1', sourceHandle: 'next', target: 'send_1', targetHandle: 'in' });
    store().updateNodeConfig('send_1', 'template', '');
    const broken = selectValidation(store());
    expect(broken.byNode.get('send_1')?.length).toBeGreaterThan(0);

    store().updateNodeConfig('send_1', 'template', 'Hello');
    for (const output of ['sent', 'failed', 'blocked']) {
      const end = store().addNode('end', { x: 0, y: 300 });
      store().connect({ source: 'send_1', sourceHandle: output, target: end, targetHandle: 'in' });
    }
    expect(selectValidation(store()).issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('validates once per graph: the same graph gives the same result object', () => {
    buildTriggerSendEnd();
    expect(selectValidation(store())).toBe(selectValidation(store()));
  });

  it('removes the selected nodes together with their edges', () => {
    buildTriggerSendEnd();
    store().onNodesChange([{ type: 'select', id: 'end_1', selected: false }, { type: 'select', id: 'send_1', selected: true }]);
    store().removeSelection();
    expect(store().nodes.map((n) => n.id)).toEqual(['inboundMessage_1', 'end_1']);
    expect(store().edges).toEqual([]);
  });

  it('counts moves and edits as unsaved changes but not selecting a node', () => {
    buildTriggerSendEnd();
    store().setStatus({ kind: 'saved' });
    store().onNodesChange([{ type: 'select', id: 'send_1', selected: true }]);
    expect(store().status).toEqual({ kind: 'saved' });
    store().onNodesChange([{ type: 'position', id: 'send_1', position: { x: 5, y: 5 } }]);
    expect(store().status).toEqual({ kind: 'unsaved' });
  });
});
