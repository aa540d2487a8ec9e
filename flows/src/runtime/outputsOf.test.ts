import { describe, expect, it } from 'vitest';
import type { FlowDefinition } from '../types';
import { outputsOf } from './outputsOf';

const definition: FlowDefinition = {
  schemaVersion: 1,
  id: 'demo',
  name: 'Demo',
  nodes: [
    { id: 'start', type: 'trigger.inboundMessage', config: { channels: [] } },
    { id: 'ask', type: 'send', config: { channel: 'sms', template: 'Hi' } },
    { id: 'wait', type: 'waitForReply', config: { channels: [], timeout: '1h' } },
    {
      id: 'route',
      type: 'split',
      config: { input: 'reply.text', conditions: [{ output: 'yes', operator: 'equals', values: ['yes'] }] },
    },
    { id: 'done', type: 'end', config: { outcome: 'converted' } },
  ],
  edges: [
    { from: 'start', output: 'next', to: 'ask' },
    { from: 'ask', output: 'sent', to: 'wait' },
  ],
  layout: {},
};

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
});
