import type { FlowDefinition } from '../src/types';

/**
 * The missed-call text-back: the flow the walking skeleton runs end to end. It is written as a
 * typed module (rather than imported JSON) so every bundler in the repo (vite, tsx, vitest and
 * Temporal's webpack) loads it the same way; missed-call-text-back.json beside it is the same
 * flow as canonical JSON, kept identical by a test and rewritten by `npm run write-library`.
 */
export const missedCallTextBack = {
  $schema: '../schema/flow-definition.schema.json',
  schemaVersion: 2,
  id: 'missed-call-text-back',
  name: 'Missed call text-back',
  description:
    'Texts back a caller you missed, waits a day for a reply on any channel, and answers pricing questions with a link.',
  nodes: [
    {
      id: 'missed_call',
      type: 'trigger.missedCall',
      label: 'Missed call',
      config: { numbers: [], outcomes: ['no-answer', 'busy'] },
    },
    {
      id: 'text_back',
      type: 'send',
      label: 'Text back',
      config: {
        channel: 'sms',
        template: 'Sorry we missed your call — what can we help with?',
        mediaUrls: [],
        whatsappTemplateVariables: [],
      },
    },
    {
      id: 'wait_reply',
      type: 'waitForReply',
      label: 'Wait for their reply',
      config: { channels: [], timeout: '24h', maxReprompts: 0 },
    },
    {
      id: 'mentions_pricing',
      type: 'split',
      label: 'Asks about pricing?',
      config: {
        input: '{{ nodes.wait_reply.reply.text }}',
        conditions: [
          { output: 'pricing', operator: 'contains', values: ['price', 'pricing', 'cost', 'how much', 'quote'] },
        ],
      },
    },
    // "best" answers on the channel the contact replied on: a text answered on WhatsApp gets
    // its answer on WhatsApp.
    {
      id: 'send_pricing',
      type: 'send',
      label: 'Send pricing',
      config: {
        channel: 'best',
        template:
          'Happy to help! Our plans and prices are at https://example.com/pricing — reply here with any questions.',
        mediaUrls: [],
        whatsappTemplateVariables: [],
      },
    },
    {
      id: 'send_general',
      type: 'send',
      label: 'Send general answer',
      config: {
        channel: 'best',
        template: 'Thanks! Someone from our team will get back to you shortly, right here.',
        mediaUrls: [],
        whatsappTemplateVariables: [],
      },
    },
    { id: 'end_engaged', type: 'end', label: 'Engaged', config: { outcome: 'engaged', returns: [] } },
    { id: 'end_unresponsive', type: 'end', label: 'No reply', config: { outcome: 'unresponsive', returns: [] } },
    { id: 'end_blocked', type: 'end', label: 'Not allowed to send', config: { outcome: 'blocked', returns: [] } },
    { id: 'end_send_failed', type: 'end', label: 'Send failed', config: { outcome: 'sendFailed', returns: [] } },
  ],
  edges: [
    { from: 'missed_call', output: 'next', to: 'text_back' },
    { from: 'text_back', output: 'sent', to: 'wait_reply' },
    { from: 'text_back', output: 'failed', to: 'end_send_failed' },
    { from: 'text_back', output: 'blocked', to: 'end_blocked' },
    { from: 'wait_reply', output: 'replied', to: 'mentions_pricing' },
    { from: 'wait_reply', output: 'timeout', to: 'end_unresponsive' },
    { from: 'mentions_pricing', output: 'pricing', to: 'send_pricing' },
    { from: 'mentions_pricing', output: 'else', to: 'send_general' },
    { from: 'send_pricing', output: 'sent', to: 'end_engaged' },
    { from: 'send_pricing', output: 'failed', to: 'end_send_failed' },
    { from: 'send_pricing', output: 'blocked', to: 'end_blocked' },
    { from: 'send_general', output: 'sent', to: 'end_engaged' },
    { from: 'send_general', output: 'failed', to: 'end_send_failed' },
    { from: 'send_general', output: 'blocked', to: 'end_blocked' },
  ],
  // Top to bottom: the happy path down the middle, the ways out in a column to the right
  // (kept clear of the bottom-right corner, where the canvas draws its minimap).
  layout: {
    missed_call: { x: 300, y: 0 },
    text_back: { x: 300, y: 150 },
    wait_reply: { x: 300, y: 300 },
    end_unresponsive: { x: 640, y: 300 },
    mentions_pricing: { x: 300, y: 450 },
    send_pricing: { x: 100, y: 600 },
    send_general: { x: 500, y: 600 },
    end_engaged: { x: 300, y: 780 },
    end_send_failed: { x: 940, y: 150 },
    end_blocked: { x: 940, y: 420 },
  },
} as const satisfies FlowDefinition;
