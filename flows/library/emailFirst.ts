import type { FlowDefinition } from '../src/types';

/**
 * Email first: the detailed email goes out as soon as the lead arrives (well inside the promised
 * five minutes). A reply that is not a booking gets a day for `booking.created`, then a follow-up
 * email with different content; two days of silence get one brief SMS instead.
 *
 * The "booked?" split reads `reply.text` (the last reply on any channel): both the email's and
 * the SMS's waits lead into it.
 */
export const emailFirst = {
  $schema: '../schema/flow-definition.schema.json',
  schemaVersion: 2,
  id: 'email-first',
  name: 'Speed to lead (email first)',
  description:
    'Emails a new lead the details at once, follows up by email a day after a reply without a booking, and sends one brief SMS after two silent days.',
  nodes: [
    {
      id: 'lead_created',
      type: 'trigger.event',
      label: 'Lead created',
      config: { event: 'lead.created', payload: [] },
    },
    {
      id: 'email_details',
      type: 'send',
      label: 'Email the details',
      config: {
        channel: 'email',
        template: [
          'Hi {{ contact.firstName | default: "there" }},',
          '',
          'Thanks for your enquiry. Everything you need to decide is below:',
          '',
          '- What is included in each plan, and what it costs: https://example.com/pricing',
          '- How a typical project runs, week by week: https://example.com/how-it-works',
          '- Answers to the questions people ask most: https://example.com/faq',
          '',
          'When you are ready, book a 15-minute call: https://example.com/book',
          'Or reply to this email and we will answer you personally.',
        ].join('\n'),
        subject: 'Your enquiry: plans, prices and next steps',
        mediaUrls: [],
        whatsappTemplateVariables: [],
      },
    },
    {
      id: 'wait_reply',
      type: 'waitForReply',
      label: 'Wait 2 days for a reply',
      config: { channels: [], timeout: '48h', maxReprompts: 0 },
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
      id: 'wait_booking',
      type: 'waitForEvent',
      label: 'Wait a day for a booking',
      config: { event: 'booking.created', timeout: '24h' },
    },
    {
      id: 'email_follow_up',
      type: 'send',
      label: 'Email a follow-up',
      config: {
        channel: 'email',
        template: [
          'Hi {{ contact.firstName | default: "there" }},',
          '',
          'Thanks for getting back to us. To make the next step easy, here are three times we keep',
          'free for new clients this week — pick one and it is yours: https://example.com/book',
          '',
          'If none of them suits, reply with a day that does and we will make it work.',
        ].join('\n'),
        subject: 'A time that suits you?',
        mediaUrls: [],
        whatsappTemplateVariables: [],
      },
    },
    {
      id: 'wait_booking_after_follow_up',
      type: 'waitForEvent',
      label: 'Wait 3 days for a booking',
      config: { event: 'booking.created', timeout: '3d' },
    },
    // No claim that an email arrived: this text also stands in when the email could not be sent.
    {
      id: 'sms_brief',
      type: 'send',
      label: 'Text a brief nudge',
      config: {
        channel: 'sms',
        template:
          'Hi {{ contact.firstName | default: "there" }}, about your enquiry: book a quick call at https://example.com/book or just reply here.',
        mediaUrls: [],
        whatsappTemplateVariables: [],
      },
    },
    {
      id: 'wait_sms_reply',
      type: 'waitForReply',
      label: 'Wait 3 days for a reply',
      config: { channels: [], timeout: '3d', maxReprompts: 0 },
    },
    { id: 'end_booked', type: 'end', label: 'Booked', config: { outcome: 'converted', returns: [] } },
    { id: 'end_not_booked', type: 'end', label: 'Engaged, not booked', config: { outcome: 'notBooked', returns: [] } },
    { id: 'end_unresponsive', type: 'end', label: 'No reply', config: { outcome: 'unresponsive', returns: [] } },
    { id: 'end_blocked', type: 'end', label: 'Not allowed to send', config: { outcome: 'blocked', returns: [] } },
    { id: 'end_send_failed', type: 'end', label: 'Send failed', config: { outcome: 'sendFailed', returns: [] } },
  ],
  edges: [
    { from: 'lead_created', output: 'next', to: 'email_details' },
    { from: 'email_details', output: 'sent', to: 'wait_reply' },
    { from: 'email_details', output: 'failed', to: 'sms_brief' },
    { from: 'email_details', output: 'blocked', to: 'sms_brief' },
    { from: 'wait_reply', output: 'replied', to: 'says_booked' },
    { from: 'wait_reply', output: 'timeout', to: 'sms_brief' },
    { from: 'says_booked', output: 'booked', to: 'end_booked' },
    { from: 'says_booked', output: 'else', to: 'wait_booking' },
    { from: 'wait_booking', output: 'received', to: 'end_booked' },
    { from: 'wait_booking', output: 'timeout', to: 'email_follow_up' },
    { from: 'email_follow_up', output: 'sent', to: 'wait_booking_after_follow_up' },
    { from: 'email_follow_up', output: 'failed', to: 'end_send_failed' },
    { from: 'email_follow_up', output: 'blocked', to: 'end_blocked' },
    { from: 'wait_booking_after_follow_up', output: 'received', to: 'end_booked' },
    { from: 'wait_booking_after_follow_up', output: 'timeout', to: 'end_not_booked' },
    { from: 'sms_brief', output: 'sent', to: 'wait_sms_reply' },
    { from: 'sms_brief', output: 'failed', to: 'end_send_failed' },
    { from: 'sms_brief', output: 'blocked', to: 'end_blocked' },
    { from: 'wait_sms_reply', output: 'replied', to: 'says_booked' },
    { from: 'wait_sms_reply', output: 'timeout', to: 'end_unresponsive' },
  ],
  // Top to bottom: the email path down the middle, the SMS beside it, the ways out in a column
  // to the right.
  layout: {
    lead_created: { x: 600, y: 0 },
    email_details: { x: 600, y: 150 },
    wait_reply: { x: 600, y: 300 },
    sms_brief: { x: 900, y: 300 },
    wait_sms_reply: { x: 900, y: 450 },
    says_booked: { x: 600, y: 450 },
    wait_booking: { x: 600, y: 600 },
    email_follow_up: { x: 600, y: 750 },
    wait_booking_after_follow_up: { x: 600, y: 900 },
    end_booked: { x: 250, y: 1050 },
    end_not_booked: { x: 600, y: 1050 },
    end_send_failed: { x: 1250, y: 150 },
    end_blocked: { x: 1250, y: 450 },
    end_unresponsive: { x: 1250, y: 750 },
  },
} as const satisfies FlowDefinition;
