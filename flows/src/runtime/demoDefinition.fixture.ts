import type { FlowDefinition } from '../types';

/** A small flow with one node of each runtime-relevant type, shared by the runtime's tests. */
export const demoDefinition: FlowDefinition = {
  schemaVersion: 2,
  id: 'demo',
  name: 'Demo',
  nodes: [
    { id: 'start', type: 'trigger.inboundMessage', config: { channels: [] } },
    { id: 'ask', type: 'send', config: { channel: 'sms', template: 'Hi', mediaUrls: [], whatsappTemplateVariables: [] } },
    { id: 'wait', type: 'waitForReply', config: { channels: [], timeout: '1h', maxReprompts: 0 } },
    {
      id: 'route',
      type: 'split',
      config: { input: '{{ reply.text }}', conditions: [{ output: 'yes', operator: 'equals', values: ['yes'] }] },
    },
    { id: 'done', type: 'end', config: { outcome: 'converted', returns: [] } },
  ],
  edges: [
    { from: 'start', output: 'next', to: 'ask' },
    { from: 'ask', output: 'sent', to: 'wait' },
  ],
  layout: {},
};
