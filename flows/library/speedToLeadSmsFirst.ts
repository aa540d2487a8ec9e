import type { FlowDefinition } from '../src/types';

/**
 * Speed to lead, SMS first: a new lead gets a text with a booking link at once (the promise is
 * "within 90 seconds"; the send is the first step, so it goes as soon as the event lands). Silence
 * for a day brings the detailed email; a reply that is not a booking starts a 48-hour wait for
 * `booking.created` and then a nudge; a second reply without a booking goes to a rep.
 *
 * Every reply passes through `count_engagement`, so the "booked?" split reads `reply.text` (the
 * last reply on any channel) rather than one wait node's result: three waits lead there.
 */
export const speedToLeadSmsFirst = {
  $schema: '../schema/flow-definition.schema.json',
  schemaVersion: 2,
  id: 'speed-to-lead-sms-first',
  name: 'Speed to lead (SMS first)',
  description:
    'Texts a new lead a booking link at once, emails the details after a quiet day, nudges by SMS 48 h after a reply without a booking, and hands repeat repliers to a rep.',
  nodes: [
    {
      id: 'lead_created',
      type: 'trigger.event',
      label: 'Lead created',
      config: { event: 'lead.created', payload: [] },
    },
    // The counter starts at 0 on every path, so the increment below always has a number to add to.
    {
      id: 'start_count',
      type: 'setVariables',
      label: 'Start the engagement count',
      config: { assignments: [{ name: 'engagements', value: '0', type: 'number' }] },
    },
    {
      id: 'sms_booking_link',
      type: 'send',
      label: 'Text the booking link',
      config: {
        channel: 'sms',
        template:
          'Hi {{ contact.firstName | default: "there" }}, thanks for your enquiry! Pick a time to talk that suits you: https://example.com/book',
        mediaUrls: [],
        whatsappTemplateVariables: [],
      },
    },
    {
      id: 'wait_first_reply',
      type: 'waitForReply',
      label: 'Wait a day for a reply',
      config: { channels: [], timeout: '24h', maxReprompts: 0 },
    },
    // Also the fallback when the text could not go out: the email is the other way to reach them.
    {
      id: 'email_details',
      type: 'send',
      label: 'Email the details',
      config: {
        channel: 'email',
        template: [
          'Hi {{ contact.firstName | default: "there" }},',
          '',
          'Thanks again for getting in touch. Here is what happens next:',
          '',
          '1. A 15-minute call to understand what you need.',
          '2. A written proposal with prices, usually within two working days.',
          '3. A start date that suits you.',
          '',
          'Plans and prices: https://example.com/pricing',
          'Book your call: https://example.com/book',
          '',
          'Or simply reply to this email with your questions.',
        ].join('\n'),
        subject: 'Your enquiry: what happens next',
        mediaUrls: [],
        whatsappTemplateVariables: [],
      },
    },
    {
      id: 'wait_email_reply',
      type: 'waitForReply',
      label: 'Wait 3 days for a reply',
      config: { channels: [], timeout: '3d', maxReprompts: 0 },
    },
    {
      id: 'count_engagement',
      type: 'setVariables',
      label: 'Count the reply',
      config: { assignments: [{ name: 'engagements', value: '{{ vars.engagements | plus: 1 }}', type: 'number' }] },
    },
    {
      id: 'says_booked',
      type: 'split',
      label: 'Says they booked?',
      config: {
        input: '{{ reply.text }}',
        conditions: [
          {
            output: 'booked',
            operator: 'matchesAnyOf',
            values: ['booked', 'I booked', 'just booked', 'all booked', 'booked it', 'scheduled'],
          },
        ],
      },
    },
    {
      id: 'engaged_again',
      type: 'split',
      label: 'Replied more than once?',
      config: {
        input: '{{ vars.engagements }}',
        conditions: [{ output: 'repeated', operator: 'greaterThan', values: ['1'] }],
      },
    },
    {
      id: 'wait_booking',
      type: 'waitForEvent',
      label: 'Wait 48 h for a booking',
      config: { event: 'booking.created', timeout: '48h' },
    },
    {
      id: 'sms_nudge',
      type: 'send',
      label: 'Text a nudge',
      config: {
        channel: 'sms',
        template:
          'Still thinking it over, {{ contact.firstName | default: "there" }}? Grab a 15-minute slot whenever suits: https://example.com/book — or reply with any questions.',
        mediaUrls: [],
        whatsappTemplateVariables: [],
      },
    },
    {
      id: 'wait_nudge_reply',
      type: 'waitForReply',
      label: 'Wait 3 days for a reply',
      config: { channels: [], timeout: '3d', maxReprompts: 0 },
    },
    {
      id: 'handoff_to_rep',
      type: 'handoff',
      label: 'Hand off to a rep',
      config: {
        toKind: 'team',
        to: 'sales',
        summary:
          '{{ contact.firstName }} {{ contact.lastName }} has replied {{ vars.engagements }} times since their enquiry but has not booked. Last reply, on {{ reply.channel }}: "{{ reply.text }}"',
        recommendedTemplate:
          'Hi {{ contact.firstName | default: "there" }}, I can book you in myself — which day and time suit you best?',
        timeout: '4h',
        attributes: [
          { name: 'engagements', value: '{{ vars.engagements }}' },
          { name: 'lastReply', value: '{{ reply.text }}' },
        ],
      },
    },
    { id: 'end_booked', type: 'end', label: 'Booked', config: { outcome: 'converted', returns: [] } },
    { id: 'end_handed_off', type: 'end', label: 'With a rep', config: { outcome: 'handedOff', returns: [] } },
    {
      id: 'end_handoff_timeout',
      type: 'end',
      label: 'No rep took it',
      config: { outcome: 'handoffTimedOut', returns: [] },
    },
    { id: 'end_unresponsive', type: 'end', label: 'No reply', config: { outcome: 'unresponsive', returns: [] } },
    { id: 'end_blocked', type: 'end', label: 'Not allowed to send', config: { outcome: 'blocked', returns: [] } },
    { id: 'end_send_failed', type: 'end', label: 'Send failed', config: { outcome: 'sendFailed', returns: [] } },
  ],
  edges: [
    { from: 'lead_created', output: 'next', to: 'start_count' },
    { from: 'start_count', output: 'next', to: 'sms_booking_link' },
    { from: 'sms_booking_link', output: 'sent', to: 'wait_first_reply' },
    { from: 'sms_booking_link', output: 'failed', to: 'email_details' },
    { from: 'sms_booking_link', output: 'blocked', to: 'email_details' },
    { from: 'wait_first_reply', output: 'replied', to: 'count_engagement' },
    { from: 'wait_first_reply', output: 'timeout', to: 'email_details' },
    { from: 'email_details', output: 'sent', to: 'wait_email_reply' },
    { from: 'email_details', output: 'failed', to: 'end_send_failed' },
    { from: 'email_details', output: 'blocked', to: 'end_blocked' },
    { from: 'wait_email_reply', output: 'replied', to: 'count_engagement' },
    { from: 'wait_email_reply', output: 'timeout', to: 'end_unresponsive' },
    { from: 'count_engagement', output: 'next', to: 'says_booked' },
    { from: 'says_booked', output: 'booked', to: 'end_booked' },
    { from: 'says_booked', output: 'else', to: 'engaged_again' },
    { from: 'engaged_again', output: 'repeated', to: 'handoff_to_rep' },
    { from: 'engaged_again', output: 'else', to: 'wait_booking' },
    { from: 'wait_booking', output: 'received', to: 'end_booked' },
    { from: 'wait_booking', output: 'timeout', to: 'sms_nudge' },
    { from: 'sms_nudge', output: 'sent', to: 'wait_nudge_reply' },
    { from: 'sms_nudge', output: 'failed', to: 'end_send_failed' },
    { from: 'sms_nudge', output: 'blocked', to: 'end_blocked' },
    // Back to the counter: the loop waits for a reply (and for a booking) on every turn.
    { from: 'wait_nudge_reply', output: 'replied', to: 'count_engagement' },
    { from: 'wait_nudge_reply', output: 'timeout', to: 'end_unresponsive' },
    { from: 'handoff_to_rep', output: 'accepted', to: 'end_handed_off' },
    { from: 'handoff_to_rep', output: 'timeout', to: 'end_handoff_timeout' },
  ],
  // Top to bottom: the first touch down the middle, the email beside it, the ways out in a
  // column to the right.
  layout: {
    lead_created: { x: 600, y: 0 },
    start_count: { x: 600, y: 150 },
    sms_booking_link: { x: 600, y: 300 },
    wait_first_reply: { x: 600, y: 450 },
    email_details: { x: 900, y: 450 },
    wait_email_reply: { x: 900, y: 600 },
    count_engagement: { x: 600, y: 750 },
    says_booked: { x: 600, y: 900 },
    engaged_again: { x: 600, y: 1050 },
    wait_booking: { x: 300, y: 1200 },
    handoff_to_rep: { x: 900, y: 1200 },
    sms_nudge: { x: 300, y: 1350 },
    wait_nudge_reply: { x: 300, y: 1500 },
    end_booked: { x: 0, y: 1350 },
    end_handed_off: { x: 750, y: 1350 },
    end_handoff_timeout: { x: 1050, y: 1350 },
    end_send_failed: { x: 1300, y: 300 },
    end_blocked: { x: 1300, y: 600 },
    end_unresponsive: { x: 1300, y: 900 },
  },
} as const satisfies FlowDefinition;
