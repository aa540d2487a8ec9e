import { describe, expect, it } from 'vitest';
import { defaultConfigOf, flowNodeSchema, nodeCatalog, nodeTypes } from '../catalog';
import type { FlowDefinition } from '../types';
import { previewTemplate } from './previewTemplate';
import { sampleJourneyContext } from './sampleJourneyContext';

const definition: FlowDefinition = {
  schemaVersion: 2,
  id: 'order-status',
  name: 'Order status',
  interface: { inputs: [{ name: 'orderId', required: true }], outputs: [] },
  nodes: [
    { id: 'inbound', type: 'trigger.inboundMessage', config: { channels: ['whatsapp'] } },
    {
      id: 'payment_due',
      type: 'trigger.event',
      config: { event: 'payment.due', payload: [{ name: 'amount', type: 'number', required: true }] },
    },
    { id: 'ask', type: 'send', config: { ...defaultConfigOf('send'), channel: 'best' } },
    { id: 'wait-reply', type: 'waitForReply', config: { ...defaultConfigOf('waitForReply'), saveAs: 'answer' } },
    {
      id: 'lookup',
      type: 'httpRequest',
      config: { ...defaultConfigOf('httpRequest'), saveToVariables: [{ name: 'orderStatus', from: 'body.order.status' }] },
    },
    {
      id: 'menu',
      type: 'voice.menu',
      config: { ...defaultConfigOf('voice.menu'), options: [{ output: 'agent', digit: '2', phrases: ['agent'] }] },
    },
    { id: 'done', type: 'end', config: { outcome: 'converted', returns: [] } },
  ],
  edges: [],
  layout: {},
};

describe('sampleJourneyContext', () => {
  const context = sampleJourneyContext(definition);

  it('previews a message with a plausible contact, reply and node results', () => {
    const template =
      'Hi {{ contact.firstName }} ({{ contact.phone }}), you said "{{ nodes["wait-reply"].reply.text }}" on {{ nodes["wait-reply"].reply.channel }}; order {{ nodes.lookup.body.order.status }} ({{ nodes.lookup.status }}), pressed {{ nodes.menu.digits }}.';
    expect(previewTemplate(template, context)).toEqual({
      ok: true,
      text: 'Hi Ada (+14155550123), you said "Yes, please" on sms; order sample status (200), pressed 2.',
    });
  });

  it('gives each node exactly the result keys its catalog entry lists', () => {
    for (const node of definition.nodes) {
      expect([node.id, Object.keys(objectAt(objectAt(context.nodes)[node.id]))]).toEqual([node.id, nodeCatalog[node.type].results.map((result) => result.key)]);
    }
  });

  it('fills the variables nodes set with sample text', () => {
    expect(context.vars).toEqual({ answer: 'sample answer', orderStatus: 'sample orderStatus' });
  });

  it('shapes the trigger after the first entry, with every payload field and subflow input under data', () => {
    expect(context.trigger).toMatchObject({ channel: 'whatsapp', from: '+14155550123', data: { orderId: 'sample orderId', amount: 42 } });
    expect(previewTemplate('{{ trigger.text }}', context)).toEqual({ ok: true, text: 'Hi! How much does an install cost?' });
  });

  it('gives the journey a fixed clock, so previews of dates are stable', () => {
    expect(previewTemplate('{{ "now" | date: "%Y-%m-%d" }} {{ journey.flowId }}', context)).toEqual({ ok: true, text: '2025-03-14 order-status' });
    expect(sampleJourneyContext(definition)).toEqual(context);
  });

  it('has a sample for every node type’s defaults', () => {
    const nodes = nodeTypes.map((type, index) => flowNodeSchema.parse({ id: `n${index}`, type, config: defaultConfigOf(type) }));
    const every = sampleJourneyContext({ ...definition, nodes });
    expect(Object.keys(objectAt(every.nodes))).toHaveLength(nodeTypes.length);
  });
});

function objectAt(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null) throw new Error(`expected an object, got ${JSON.stringify(value)}`);
  return Object.fromEntries(Object.entries(value));
}
