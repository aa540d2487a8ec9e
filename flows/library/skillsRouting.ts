import type { FlowDefinition } from '../src/types';

/**
 * Skills routing: an inbound message is classified by intent and queued for agents with the
 * matching skill, VIPs ahead of everyone else. Priority is a Liquid expression over the contact's
 * tags, so marking a contact "vip" is all it takes. A message the classifier cannot place goes to
 * support, the team that sorts out whatever comes in.
 */
export const skillsRouting = {
  $schema: '../schema/flow-definition.schema.json',
  schemaVersion: 2,
  id: 'skills-routing',
  name: 'Skills routing',
  description:
    'Sorts an inbound message into billing, support or sales by intent and routes it to an agent with that skill, VIP contacts first.',
  nodes: [
    {
      id: 'inbound_message',
      type: 'trigger.inboundMessage',
      label: 'Inbound message',
      config: { channels: [] },
    },
    {
      id: 'classify_intent',
      type: 'intent',
      label: 'What is it about?',
      config: {
        input: '{{ trigger.text }}',
        intents: [
          {
            output: 'billing',
            examples: ['I was charged twice', 'Can I get a copy of my invoice?', 'How do I update my card?'],
            keywords: ['bill', 'billing', 'invoice', 'charge', 'charged', 'refund', 'payment', 'card'],
          },
          {
            output: 'support',
            examples: ['It is not working', 'I cannot log in', 'The app keeps crashing'],
            keywords: ['broken', 'error', 'help', 'login', 'password', 'problem', 'not working'],
          },
          {
            output: 'sales',
            examples: ['How much is the pro plan?', 'I would like a demo', 'Do you offer discounts for teams?'],
            keywords: ['price', 'pricing', 'quote', 'demo', 'buy', 'upgrade', 'plan'],
          },
        ],
      },
    },
    {
      id: 'route_billing',
      type: 'route',
      label: 'Route to billing',
      config: {
        skills: ['billing'],
        priority: '{% if contact.tags contains "vip" %}10{% else %}1{% endif %}',
        sticky: true,
        queue: 'billing',
        timeout: '15m',
        attributes: [
          { name: 'intent', value: '{{ nodes.classify_intent.intent }}' },
          { name: 'message', value: '{{ trigger.text }}' },
        ],
      },
    },
    {
      id: 'route_support',
      type: 'route',
      label: 'Route to support',
      config: {
        skills: ['support'],
        priority: '{% if contact.tags contains "vip" %}10{% else %}1{% endif %}',
        sticky: true,
        queue: 'support',
        timeout: '15m',
        attributes: [
          { name: 'intent', value: '{{ nodes.classify_intent.intent }}' },
          { name: 'message', value: '{{ trigger.text }}' },
        ],
      },
    },
    {
      id: 'route_sales',
      type: 'route',
      label: 'Route to sales',
      config: {
        skills: ['sales'],
        priority: '{% if contact.tags contains "vip" %}10{% else %}1{% endif %}',
        sticky: true,
        queue: 'sales',
        timeout: '15m',
        attributes: [
          { name: 'intent', value: '{{ nodes.classify_intent.intent }}' },
          { name: 'message', value: '{{ trigger.text }}' },
        ],
      },
    },
    // "best" answers on the channel the message came in on.
    {
      id: 'send_overflow_notice',
      type: 'send',
      label: 'Tell them we are busy',
      config: {
        channel: 'best',
        template:
          'Thanks for your message, {{ contact.firstName | default: "there" }}. Our team is busier than usual: we will reply here as soon as someone is free.',
        mediaUrls: [],
        whatsappTemplateVariables: [],
      },
    },
    { id: 'end_assigned', type: 'end', label: 'With an agent', config: { outcome: 'assigned', returns: [] } },
    { id: 'end_overflow', type: 'end', label: 'Queue overflowed', config: { outcome: 'overflow', returns: [] } },
    { id: 'end_blocked', type: 'end', label: 'Not allowed to send', config: { outcome: 'blocked', returns: [] } },
    { id: 'end_send_failed', type: 'end', label: 'Send failed', config: { outcome: 'sendFailed', returns: [] } },
  ],
  edges: [
    { from: 'inbound_message', output: 'next', to: 'classify_intent' },
    { from: 'classify_intent', output: 'billing', to: 'route_billing' },
    { from: 'classify_intent', output: 'support', to: 'route_support' },
    { from: 'classify_intent', output: 'sales', to: 'route_sales' },
    { from: 'classify_intent', output: 'unknown', to: 'route_support' },
    { from: 'route_billing', output: 'assigned', to: 'end_assigned' },
    { from: 'route_billing', output: 'overflow', to: 'send_overflow_notice' },
    { from: 'route_support', output: 'assigned', to: 'end_assigned' },
    { from: 'route_support', output: 'overflow', to: 'send_overflow_notice' },
    { from: 'route_sales', output: 'assigned', to: 'end_assigned' },
    { from: 'route_sales', output: 'overflow', to: 'send_overflow_notice' },
    { from: 'send_overflow_notice', output: 'sent', to: 'end_overflow' },
    { from: 'send_overflow_notice', output: 'failed', to: 'end_send_failed' },
    { from: 'send_overflow_notice', output: 'blocked', to: 'end_blocked' },
  ],
  // Top to bottom: the three queues side by side, the overflow notice under them, the ways out
  // in a column to the right.
  layout: {
    inbound_message: { x: 300, y: 0 },
    classify_intent: { x: 300, y: 150 },
    route_billing: { x: 0, y: 300 },
    route_support: { x: 300, y: 300 },
    route_sales: { x: 600, y: 300 },
    end_assigned: { x: 150, y: 450 },
    send_overflow_notice: { x: 450, y: 450 },
    end_overflow: { x: 450, y: 600 },
    end_send_failed: { x: 950, y: 450 },
    end_blocked: { x: 950, y: 600 },
  },
} as const satisfies FlowDefinition;
