import { CURRENT_SCHEMA_VERSION } from '@threadline/flows';
import type { FlowDefinition } from '@threadline/flows/types';

export const TWO_SENDS_FLOW_ID = 'fault-two-sends';
export const SEND_NODE_IDS = ['first_text', 'second_text'] as const;

const send = (template: string) => ({ channel: 'sms' as const, template, mediaUrls: [], whatsappTemplateVariables: [] });

/**
 * missed call → send → delay 1 s → send → end: two send visits per journey with a durable timer
 * between them, so a fault lands between sends, inside a send, or on the timer.
 */
export function twoSendsFlow(): FlowDefinition {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id: TWO_SENDS_FLOW_ID,
    name: 'Fault test: two sends',
    nodes: [
      { id: 'missed_call', type: 'trigger.missedCall', config: { numbers: [], outcomes: ['no-answer', 'busy'] } },
      { id: 'first_text', type: 'send', config: send('Sorry we missed you, {{ contact.id }}') },
      { id: 'pause', type: 'delay', config: { duration: '1s' } },
      { id: 'second_text', type: 'send', config: send('Still here when you need us') },
      { id: 'end_done', type: 'end', config: { outcome: 'done', returns: [] } },
      { id: 'end_not_sent', type: 'end', config: { outcome: 'notSent', returns: [] } },
    ],
    edges: [
      { from: 'missed_call', output: 'next', to: 'first_text' },
      { from: 'first_text', output: 'sent', to: 'pause' },
      { from: 'first_text', output: 'blocked', to: 'end_not_sent' },
      { from: 'first_text', output: 'failed', to: 'end_not_sent' },
      { from: 'pause', output: 'next', to: 'second_text' },
      { from: 'second_text', output: 'sent', to: 'end_done' },
      { from: 'second_text', output: 'blocked', to: 'end_not_sent' },
      { from: 'second_text', output: 'failed', to: 'end_not_sent' },
    ],
    layout: {},
  };
}
