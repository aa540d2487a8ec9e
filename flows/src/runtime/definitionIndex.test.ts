import { describe, expect, it } from 'vitest';
import type { FlowDefinition } from '../types';
import { indexDefinition, nextNodeId } from './definitionIndex';

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

describe('nextNodeId', () => {
  it('follows the edge leaving an output, and is undefined for an unconnected one', () => {
    const index = indexDefinition(definition);
    expect(nextNodeId(index, 'start', 'next')).toBe('ask');
    expect(nextNodeId(index, 'ask', 'sent')).toBe('wait');
    expect(nextNodeId(index, 'ask', 'failed')).toBeUndefined();
    expect(index.nodes.get('route')?.type).toBe('split');
  });
});
