import type { FlowDefinition } from '../src/types';

/**
 * Payment reminder: two entries in one graph. `payment.due` sends a text with the amount, the
 * date and a link. `payment.failed` calls the customer with answering-machine detection: a
 * machine gets the payment link by text and a voicemail that says so (the text goes first, so the
 * voicemail never promises a text that did not go); a person hears what happened and can take
 * the link or an agent. An unanswered call becomes a text, and so does a call the contact's
 * "no calls" preference blocks (that text does not say we tried to call).
 *
 * Both events carry `amount` and `payUrl`; only `payment.due` carries `dueDate`, and only its
 * branch reads it.
 */
export const paymentReminder = {
  $schema: '../schema/flow-definition.schema.json',
  schemaVersion: 2,
  id: 'payment-reminder',
  name: 'Payment reminder',
  description:
    'Texts a reminder when a payment falls due and, when one fails, calls the customer: a voicemail and a pay link for a machine, a pay-now or agent menu for a person.',
  nodes: [
    {
      id: 'payment_due',
      type: 'trigger.event',
      label: 'Payment due',
      config: {
        event: 'payment.due',
        payload: [
          { name: 'amount', type: 'string', required: true },
          { name: 'dueDate', type: 'string', required: true },
          { name: 'payUrl', type: 'string', required: true },
        ],
      },
    },
    {
      id: 'sms_reminder',
      type: 'send',
      label: 'Text the reminder',
      config: {
        channel: 'sms',
        template:
          'Hi {{ contact.firstName | default: "there" }}, a reminder that your payment of {{ trigger.data.amount }} is due on {{ trigger.data.dueDate }}. Pay securely here: {{ trigger.data.payUrl }}',
        mediaUrls: [],
        whatsappTemplateVariables: [],
      },
    },
    {
      id: 'payment_failed',
      type: 'trigger.event',
      label: 'Payment failed',
      config: {
        event: 'payment.failed',
        payload: [
          { name: 'amount', type: 'string', required: true },
          { name: 'payUrl', type: 'string', required: true },
        ],
      },
    },
    {
      id: 'call_customer',
      type: 'call.outbound',
      label: 'Call the customer',
      config: { machineDetection: 'detectMessageEnd', timeoutSeconds: 30 },
    },
    {
      id: 'sms_voicemail_link',
      type: 'send',
      label: 'Text the pay link',
      config: {
        channel: 'sms',
        template:
          'Your payment of {{ trigger.data.amount }} did not go through. Pay securely here: {{ trigger.data.payUrl }}',
        mediaUrls: [],
        whatsappTemplateVariables: [],
      },
    },
    {
      id: 'voicemail_drop',
      type: 'voice.say',
      label: 'Leave a voicemail',
      config: {
        text: 'Hello, this is a message for {{ contact.firstName | default: "you" }} about your account. Your payment of {{ trigger.data.amount }} did not go through. We have just texted you a secure link to pay. Thank you.',
        loop: 1,
      },
    },
    {
      id: 'voicemail_call_back',
      type: 'voice.say',
      label: 'Leave a call-back voicemail',
      config: {
        text: 'Hello, this is a message for {{ contact.firstName | default: "you" }} about your account. Your payment of {{ trigger.data.amount }} did not go through. Please call us back to sort it out. Thank you.',
        loop: 1,
      },
    },
    {
      id: 'say_payment_failed',
      type: 'voice.say',
      label: 'Explain the failed payment',
      config: {
        text: 'Hi {{ contact.firstName | default: "there" }}, we are calling because your payment of {{ trigger.data.amount }} did not go through.',
        loop: 1,
      },
    },
    {
      id: 'pay_menu',
      type: 'voice.menu',
      label: 'Pay now or talk to us?',
      config: {
        prompt:
          'To pay now, press 1 or say "pay", and we will text you a secure link. To speak with our billing team, press 2 or say "agent".',
        input: 'dtmfAndSpeech',
        options: [
          { output: 'pay_now', digit: '1', phrases: ['pay', 'pay now'] },
          { output: 'agent', digit: '2', phrases: ['agent', 'someone', 'billing'] },
        ],
        timeoutSeconds: 5,
        retries: 1,
      },
    },
    {
      id: 'sms_pay_link',
      type: 'send',
      label: 'Text the pay link',
      config: {
        channel: 'sms',
        template: 'Here is your secure link to pay {{ trigger.data.amount }}: {{ trigger.data.payUrl }}',
        mediaUrls: [],
        whatsappTemplateVariables: [],
      },
    },
    {
      id: 'say_link_sent',
      type: 'voice.say',
      label: 'Say the link went',
      config: { text: 'We have texted you the link. Thank you, goodbye.', loop: 1 },
    },
    {
      id: 'say_text_failed',
      type: 'voice.say',
      label: 'Say the text did not go',
      config: { text: 'Sorry, we could not text this number. Let me put you through to our billing team.', loop: 1 },
    },
    {
      id: 'connect_billing',
      type: 'voice.connect',
      label: 'Connect to billing',
      config: { connectTo: 'queue', target: 'billing', timeoutSeconds: 120, record: false },
    },
    {
      id: 'say_call_back',
      type: 'voice.say',
      label: 'Ask them to call back',
      config: { text: 'Sorry, our billing team is busy right now. Please call us back at a time that suits you. Goodbye.', loop: 1 },
    },
    { id: 'hang_up', type: 'voice.hangup', label: 'Hang up', config: {} },
    {
      id: 'sms_missed_call',
      type: 'send',
      label: 'Text after no answer',
      config: {
        channel: 'sms',
        template:
          'We tried to call you: your payment of {{ trigger.data.amount }} did not go through. Pay securely here: {{ trigger.data.payUrl }}',
        mediaUrls: [],
        whatsappTemplateVariables: [],
      },
    },
    {
      id: 'sms_no_calls',
      type: 'send',
      label: 'Text instead of calling',
      config: {
        channel: 'sms',
        template:
          'Your payment of {{ trigger.data.amount }} did not go through. Pay securely here: {{ trigger.data.payUrl }}',
        mediaUrls: [],
        whatsappTemplateVariables: [],
      },
    },
    { id: 'end_reminded', type: 'end', label: 'Reminded', config: { outcome: 'reminded', returns: [] } },
    { id: 'end_texted', type: 'end', label: 'Texted after no answer', config: { outcome: 'texted', returns: [] } },
    { id: 'end_blocked', type: 'end', label: 'Not allowed to send', config: { outcome: 'blocked', returns: [] } },
    { id: 'end_send_failed', type: 'end', label: 'Send failed', config: { outcome: 'sendFailed', returns: [] } },
  ],
  edges: [
    { from: 'payment_due', output: 'next', to: 'sms_reminder' },
    { from: 'sms_reminder', output: 'sent', to: 'end_reminded' },
    { from: 'sms_reminder', output: 'failed', to: 'end_send_failed' },
    { from: 'sms_reminder', output: 'blocked', to: 'end_blocked' },
    { from: 'payment_failed', output: 'next', to: 'call_customer' },
    { from: 'call_customer', output: 'machine', to: 'sms_voicemail_link' },
    { from: 'call_customer', output: 'human', to: 'say_payment_failed' },
    { from: 'call_customer', output: 'noAnswer', to: 'sms_missed_call' },
    { from: 'call_customer', output: 'busy', to: 'sms_missed_call' },
    { from: 'call_customer', output: 'failed', to: 'sms_missed_call' },
    // The contact asked for no calls (or opted out of voice): the link goes by text instead.
    { from: 'call_customer', output: 'blocked', to: 'sms_no_calls' },
    { from: 'sms_voicemail_link', output: 'sent', to: 'voicemail_drop' },
    { from: 'sms_voicemail_link', output: 'failed', to: 'voicemail_call_back' },
    { from: 'sms_voicemail_link', output: 'blocked', to: 'voicemail_call_back' },
    { from: 'voicemail_drop', output: 'next', to: 'hang_up' },
    { from: 'voicemail_call_back', output: 'next', to: 'hang_up' },
    { from: 'say_payment_failed', output: 'next', to: 'pay_menu' },
    { from: 'pay_menu', output: 'pay_now', to: 'sms_pay_link' },
    { from: 'pay_menu', output: 'agent', to: 'connect_billing' },
    // Asked twice with no usable answer: the link by text is the least they should get.
    { from: 'pay_menu', output: 'noInput', to: 'sms_pay_link' },
    { from: 'pay_menu', output: 'noMatch', to: 'sms_pay_link' },
    { from: 'sms_pay_link', output: 'sent', to: 'say_link_sent' },
    { from: 'sms_pay_link', output: 'failed', to: 'say_text_failed' },
    { from: 'sms_pay_link', output: 'blocked', to: 'say_text_failed' },
    { from: 'say_link_sent', output: 'next', to: 'hang_up' },
    { from: 'say_text_failed', output: 'next', to: 'connect_billing' },
    { from: 'connect_billing', output: 'completed', to: 'hang_up' },
    { from: 'connect_billing', output: 'noAnswer', to: 'say_call_back' },
    { from: 'connect_billing', output: 'busy', to: 'say_call_back' },
    { from: 'connect_billing', output: 'failed', to: 'say_call_back' },
    { from: 'say_call_back', output: 'next', to: 'hang_up' },
    { from: 'sms_missed_call', output: 'sent', to: 'end_texted' },
    { from: 'sms_missed_call', output: 'failed', to: 'end_send_failed' },
    { from: 'sms_missed_call', output: 'blocked', to: 'end_blocked' },
    { from: 'sms_no_calls', output: 'sent', to: 'end_texted' },
    { from: 'sms_no_calls', output: 'failed', to: 'end_send_failed' },
    { from: 'sms_no_calls', output: 'blocked', to: 'end_blocked' },
  ],
  // Top to bottom: the reminder on the left, the call beside it (machine, then person, then no
  // answer, left to right), the ways out in a column to the right.
  layout: {
    payment_due: { x: 0, y: 0 },
    sms_reminder: { x: 0, y: 150 },
    end_reminded: { x: 0, y: 300 },
    payment_failed: { x: 600, y: 0 },
    call_customer: { x: 600, y: 150 },
    sms_voicemail_link: { x: 300, y: 300 },
    voicemail_drop: { x: 150, y: 450 },
    voicemail_call_back: { x: 450, y: 450 },
    say_payment_failed: { x: 750, y: 300 },
    pay_menu: { x: 750, y: 450 },
    sms_pay_link: { x: 600, y: 600 },
    say_link_sent: { x: 450, y: 750 },
    say_text_failed: { x: 750, y: 750 },
    connect_billing: { x: 900, y: 900 },
    say_call_back: { x: 1200, y: 1050 },
    hang_up: { x: 450, y: 1050 },
    sms_missed_call: { x: 1100, y: 300 },
    sms_no_calls: { x: 1100, y: 150 },
    end_texted: { x: 1100, y: 450 },
    end_send_failed: { x: 1500, y: 150 },
    end_blocked: { x: 1500, y: 300 },
  },
} as const satisfies FlowDefinition;
