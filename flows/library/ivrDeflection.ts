import type { FlowDefinition } from '../src/types';

/**
 * IVR deflection: a caller can take a text with a self-service link instead of holding. The
 * text goes to the caller (the journey's contact), so the call stays up while it is sent and the
 * caller hears that it went. Silence gets the menu once more, then voicemail; an answer the menu
 * does not understand goes to a person rather than round again.
 */
export const ivrDeflection = {
  $schema: '../schema/flow-definition.schema.json',
  schemaVersion: 2,
  id: 'ivr-deflection',
  name: 'IVR deflection',
  description:
    'Offers callers a text with a self-service link instead of waiting, connects the rest to the queue, and takes a voicemail when nobody answers the menu.',
  nodes: [
    {
      id: 'inbound_call',
      type: 'trigger.inboundCall',
      label: 'Inbound call',
      config: { numbers: [] },
    },
    {
      id: 'main_menu',
      type: 'voice.menu',
      label: 'Text or wait?',
      config: {
        prompt:
          'Thanks for calling. Most questions are quickest online: press 1 or say "text me" and we will text you a link. To speak with someone, press 2 or say "agent".',
        input: 'dtmfAndSpeech',
        options: [
          { output: 'text_link', digit: '1', phrases: ['text me', 'text', 'link', 'send me a link'] },
          { output: 'agent', digit: '2', phrases: ['agent', 'someone', 'a person', 'representative'] },
        ],
        timeoutSeconds: 5,
        retries: 1,
      },
    },
    {
      id: 'sms_link',
      type: 'send',
      label: 'Text the link',
      config: {
        channel: 'sms',
        template:
          'Thanks for calling! Sort it online in a couple of minutes here: https://example.com/help — or reply to this text and we will get back to you.',
        mediaUrls: [],
        whatsappTemplateVariables: [],
      },
    },
    {
      id: 'say_link_sent',
      type: 'voice.say',
      label: 'Say the text went',
      config: { text: 'Done: we have texted you the link. Thanks for calling, goodbye.', loop: 1 },
    },
    {
      id: 'say_link_failed',
      type: 'voice.say',
      label: 'Say the text did not go',
      config: { text: 'Sorry, we could not text this number. Let me put you through to someone.', loop: 1 },
    },
    {
      id: 'connect_queue',
      type: 'voice.connect',
      label: 'Connect to the queue',
      config: { connectTo: 'queue', target: 'support', timeoutSeconds: 300, record: false },
    },
    {
      id: 'take_voicemail',
      type: 'voice.record',
      label: 'Take a voicemail',
      config: {
        prompt: 'Please leave your name, number and a short message after the tone, and we will call you back.',
        maxLengthSeconds: 120,
        transcribe: true,
        playBeep: true,
        finishOnKey: '#',
      },
    },
    {
      id: 'say_voicemail_thanks',
      type: 'voice.say',
      label: 'Thank them',
      config: { text: 'Thank you, we have your message. Goodbye.', loop: 1 },
    },
    { id: 'hang_up', type: 'voice.hangup', label: 'Hang up', config: {} },
    {
      id: 'end_caller_hung_up',
      type: 'end',
      label: 'Caller hung up',
      config: { outcome: 'callerHungUp', returns: [] },
    },
  ],
  edges: [
    { from: 'inbound_call', output: 'next', to: 'main_menu' },
    { from: 'main_menu', output: 'text_link', to: 'sms_link' },
    { from: 'main_menu', output: 'agent', to: 'connect_queue' },
    // The menu has already asked twice (retries: 1) before it takes noInput.
    { from: 'main_menu', output: 'noInput', to: 'take_voicemail' },
    { from: 'main_menu', output: 'noMatch', to: 'connect_queue' },
    { from: 'sms_link', output: 'sent', to: 'say_link_sent' },
    { from: 'sms_link', output: 'failed', to: 'say_link_failed' },
    { from: 'sms_link', output: 'blocked', to: 'say_link_failed' },
    { from: 'say_link_sent', output: 'next', to: 'hang_up' },
    { from: 'say_link_failed', output: 'next', to: 'connect_queue' },
    { from: 'connect_queue', output: 'completed', to: 'hang_up' },
    { from: 'connect_queue', output: 'noAnswer', to: 'take_voicemail' },
    { from: 'connect_queue', output: 'busy', to: 'take_voicemail' },
    { from: 'connect_queue', output: 'failed', to: 'take_voicemail' },
    { from: 'take_voicemail', output: 'recorded', to: 'say_voicemail_thanks' },
    { from: 'take_voicemail', output: 'noAudio', to: 'hang_up' },
    { from: 'take_voicemail', output: 'hangup', to: 'end_caller_hung_up' },
    { from: 'say_voicemail_thanks', output: 'next', to: 'hang_up' },
  ],
  // Top to bottom: the text-me branch on the left, the queue in the middle, voicemail on the
  // right, all meeting at the hang-up.
  layout: {
    inbound_call: { x: 300, y: 0 },
    main_menu: { x: 300, y: 150 },
    sms_link: { x: 0, y: 300 },
    say_link_sent: { x: 0, y: 450 },
    say_link_failed: { x: 300, y: 300 },
    connect_queue: { x: 300, y: 450 },
    take_voicemail: { x: 600, y: 600 },
    say_voicemail_thanks: { x: 600, y: 750 },
    end_caller_hung_up: { x: 900, y: 750 },
    hang_up: { x: 300, y: 900 },
  },
} as const satisfies FlowDefinition;
