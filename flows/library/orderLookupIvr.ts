import type { FlowDefinition } from '../src/types';

/**
 * Order lookup IVR: the caller keys in an order number, the flow asks the order system over
 * HTTP and reads the status back, then offers an agent. The API token is a secret by reference
 * (`{{ secrets.ORDERS_API_TOKEN }}`), never a literal in the flow. A lookup that fails (an order
 * that does not exist is a 404) says so and offers the agent all the same.
 */
export const orderLookupIvr = {
  $schema: '../schema/flow-definition.schema.json',
  schemaVersion: 2,
  id: 'order-lookup-ivr',
  name: 'Order lookup IVR',
  description:
    'Takes an order number on the keypad, looks the order up over HTTP, reads its status to the caller and offers an agent.',
  nodes: [
    {
      id: 'inbound_call',
      type: 'trigger.inboundCall',
      label: 'Inbound call',
      config: { numbers: [] },
    },
    {
      id: 'gather_order_number',
      type: 'voice.gather',
      label: 'Ask for the order number',
      config: {
        prompt: 'Welcome. Please key in your order number, then press the pound key.',
        input: 'dtmf',
        finishOnKey: '#',
        speechHints: [],
        timeoutSeconds: 8,
        saveAs: 'order_number',
        validation: { kind: 'number' },
        retries: 2,
      },
    },
    {
      id: 'lookup_order',
      type: 'httpRequest',
      label: 'Look up the order',
      config: {
        method: 'GET',
        url: 'https://orders.example.com/api/orders/{{ vars.order_number }}',
        headers: [{ name: 'Authorization', value: 'Bearer {{ secrets.ORDERS_API_TOKEN }}' }],
        contentType: 'application/json',
        timeoutSeconds: 5,
        saveToVariables: [],
      },
    },
    {
      id: 'say_status',
      type: 'voice.say',
      label: 'Say the status',
      config: {
        text: 'Order {{ vars.order_number | split: "" | join: " " }} is {{ nodes.lookup_order.body.status }}.',
        loop: 1,
      },
    },
    {
      id: 'say_lookup_failed',
      type: 'voice.say',
      label: 'Say it was not found',
      config: { text: 'Sorry, we could not find that order.', loop: 1 },
    },
    {
      id: 'offer_agent',
      type: 'voice.menu',
      label: 'Offer an agent',
      config: {
        prompt: 'To speak with an agent, press 1 or say "agent". Otherwise, thank you for calling.',
        input: 'dtmfAndSpeech',
        options: [{ output: 'agent', digit: '1', phrases: ['agent', 'yes', 'someone'] }],
        timeoutSeconds: 5,
        retries: 0,
      },
    },
    {
      id: 'say_connecting',
      type: 'voice.say',
      label: 'Say we will connect them',
      config: { text: 'Let me put you through to someone who can help.', loop: 1 },
    },
    {
      id: 'connect_agent',
      type: 'voice.connect',
      label: 'Connect to an agent',
      config: { connectTo: 'queue', target: 'orders', timeoutSeconds: 300, record: false },
    },
    {
      id: 'say_agents_busy',
      type: 'voice.say',
      label: 'Say the agents are busy',
      config: { text: 'Sorry, all our agents are busy. Please call back a little later. Goodbye.', loop: 1 },
    },
    {
      id: 'say_goodbye',
      type: 'voice.say',
      label: 'Say goodbye',
      config: { text: 'Thank you for calling. Goodbye.', loop: 1 },
    },
    { id: 'hang_up', type: 'voice.hangup', label: 'Hang up', config: {} },
  ],
  edges: [
    { from: 'inbound_call', output: 'next', to: 'gather_order_number' },
    { from: 'gather_order_number', output: 'captured', to: 'lookup_order' },
    // Three tries (retries: 2) without a usable number: a person can find the order instead.
    { from: 'gather_order_number', output: 'noInput', to: 'say_connecting' },
    { from: 'gather_order_number', output: 'invalid', to: 'say_connecting' },
    { from: 'lookup_order', output: 'success', to: 'say_status' },
    { from: 'lookup_order', output: 'failed', to: 'say_lookup_failed' },
    { from: 'say_status', output: 'next', to: 'offer_agent' },
    { from: 'say_lookup_failed', output: 'next', to: 'offer_agent' },
    { from: 'offer_agent', output: 'agent', to: 'connect_agent' },
    { from: 'offer_agent', output: 'noInput', to: 'say_goodbye' },
    { from: 'offer_agent', output: 'noMatch', to: 'say_goodbye' },
    { from: 'say_connecting', output: 'next', to: 'connect_agent' },
    { from: 'connect_agent', output: 'completed', to: 'hang_up' },
    { from: 'connect_agent', output: 'noAnswer', to: 'say_agents_busy' },
    { from: 'connect_agent', output: 'busy', to: 'say_agents_busy' },
    { from: 'connect_agent', output: 'failed', to: 'say_agents_busy' },
    { from: 'say_agents_busy', output: 'next', to: 'hang_up' },
    { from: 'say_goodbye', output: 'next', to: 'hang_up' },
  ],
  // Top to bottom: the lookup down the middle, its failure beside it, the shortcut to a person
  // on the right.
  layout: {
    inbound_call: { x: 300, y: 0 },
    gather_order_number: { x: 300, y: 150 },
    lookup_order: { x: 300, y: 300 },
    say_status: { x: 300, y: 450 },
    say_lookup_failed: { x: 0, y: 450 },
    offer_agent: { x: 300, y: 600 },
    say_connecting: { x: 650, y: 300 },
    connect_agent: { x: 650, y: 750 },
    say_goodbye: { x: 300, y: 750 },
    say_agents_busy: { x: 650, y: 900 },
    hang_up: { x: 300, y: 1050 },
  },
} as const satisfies FlowDefinition;
