import type { FlowDefinition } from '../src/types';

/**
 * Multi-touch outreach: four touches that alternate channels by what each is good at — SMS for
 * speed, email for detail — and never repeat themselves. Any reply, on any channel, goes to a rep.
 *
 * A touch that cannot go out (failed, or refused by compliance) still takes its wait, so the
 * cadence holds and the next touch tries the other channel.
 */
export const multiTouch = {
  $schema: '../schema/flow-definition.schema.json',
  schemaVersion: 2,
  id: 'multi-touch',
  name: 'Multi-touch outreach',
  description:
    'Reaches a new lead in four different touches over a week, SMS for speed and email for detail, and hands the first reply on any channel to a rep.',
  nodes: [
    {
      id: 'lead_created',
      type: 'trigger.event',
      label: 'Lead created',
      config: { event: 'lead.created', payload: [] },
    },
    {
      id: 'sms_hello',
      type: 'send',
      label: 'Touch 1: quick hello by SMS',
      config: {
        channel: 'sms',
        template:
          'Hi {{ contact.firstName | default: "there" }}, we got your enquiry and we are on it. Fastest way to reach us: reply to this text.',
        mediaUrls: [],
        whatsappTemplateVariables: [],
      },
    },
    {
      id: 'wait_after_hello',
      type: 'waitForReply',
      label: 'Wait an hour',
      config: { channels: [], timeout: '1h', maxReprompts: 0 },
    },
    {
      id: 'email_details',
      type: 'send',
      label: 'Touch 2: the details by email',
      config: {
        channel: 'email',
        template: [
          'Hi {{ contact.firstName | default: "there" }},',
          '',
          'Here is the detail behind our quick text:',
          '',
          '- Plans and prices, side by side: https://example.com/pricing',
          '- What the first month looks like: https://example.com/onboarding',
          '- Answers to the questions people ask most: https://example.com/faq',
          '',
          'Reply to this email, or text us back, whichever is easier.',
        ].join('\n'),
        subject: 'Plans, prices and how we get started',
        mediaUrls: [],
        whatsappTemplateVariables: [],
      },
    },
    {
      id: 'wait_after_details',
      type: 'waitForReply',
      label: 'Wait 2 days',
      config: { channels: [], timeout: '2d', maxReprompts: 0 },
    },
    {
      id: 'sms_question',
      type: 'send',
      label: 'Touch 3: one question by SMS',
      config: {
        channel: 'sms',
        template:
          'Quick question, {{ contact.firstName | default: "there" }}: is it price, timing or something else that is holding you back? One word is enough.',
        mediaUrls: [],
        whatsappTemplateVariables: [],
      },
    },
    {
      id: 'wait_after_question',
      type: 'waitForReply',
      label: 'Wait 2 days',
      config: { channels: [], timeout: '2d', maxReprompts: 0 },
    },
    {
      id: 'email_story',
      type: 'send',
      label: 'Touch 4: a customer story by email',
      config: {
        channel: 'email',
        template: [
          'Hi {{ contact.firstName | default: "there" }},',
          '',
          'A last note from us: Northwind Traders came to us with the same questions you might have.',
          'Six weeks later they answer customers twice as fast. Their story, in five minutes:',
          'https://example.com/stories/northwind',
          '',
          'If the timing is not right, no problem: reply "later" and we will check in next quarter.',
        ].join('\n'),
        subject: 'How Northwind answers customers twice as fast',
        mediaUrls: [],
        whatsappTemplateVariables: [],
      },
    },
    {
      id: 'wait_after_story',
      type: 'waitForReply',
      label: 'Wait 4 days',
      config: { channels: [], timeout: '4d', maxReprompts: 0 },
    },
    {
      id: 'handoff_to_rep',
      type: 'handoff',
      label: 'Hand off to a rep',
      config: {
        toKind: 'team',
        to: 'sales',
        summary:
          '{{ contact.firstName }} {{ contact.lastName }} answered our outreach on {{ reply.channel }}: "{{ reply.text }}"',
        recommendedTemplate:
          'Thanks for coming back to us, {{ contact.firstName | default: "there" }}! When suits you for a quick call?',
        timeout: '4h',
        attributes: [
          { name: 'replyChannel', value: '{{ reply.channel }}' },
          { name: 'lastReply', value: '{{ reply.text }}' },
        ],
      },
    },
    { id: 'end_handed_off', type: 'end', label: 'With a rep', config: { outcome: 'handedOff', returns: [] } },
    {
      id: 'end_handoff_timeout',
      type: 'end',
      label: 'No rep took it',
      config: { outcome: 'handoffTimedOut', returns: [] },
    },
    { id: 'end_unresponsive', type: 'end', label: 'No reply', config: { outcome: 'unresponsive', returns: [] } },
  ],
  edges: [
    { from: 'lead_created', output: 'next', to: 'sms_hello' },
    { from: 'sms_hello', output: 'sent', to: 'wait_after_hello' },
    { from: 'sms_hello', output: 'failed', to: 'wait_after_hello' },
    { from: 'sms_hello', output: 'blocked', to: 'wait_after_hello' },
    { from: 'wait_after_hello', output: 'replied', to: 'handoff_to_rep' },
    { from: 'wait_after_hello', output: 'timeout', to: 'email_details' },
    { from: 'email_details', output: 'sent', to: 'wait_after_details' },
    { from: 'email_details', output: 'failed', to: 'wait_after_details' },
    { from: 'email_details', output: 'blocked', to: 'wait_after_details' },
    { from: 'wait_after_details', output: 'replied', to: 'handoff_to_rep' },
    { from: 'wait_after_details', output: 'timeout', to: 'sms_question' },
    { from: 'sms_question', output: 'sent', to: 'wait_after_question' },
    { from: 'sms_question', output: 'failed', to: 'wait_after_question' },
    { from: 'sms_question', output: 'blocked', to: 'wait_after_question' },
    { from: 'wait_after_question', output: 'replied', to: 'handoff_to_rep' },
    { from: 'wait_after_question', output: 'timeout', to: 'email_story' },
    { from: 'email_story', output: 'sent', to: 'wait_after_story' },
    { from: 'email_story', output: 'failed', to: 'wait_after_story' },
    { from: 'email_story', output: 'blocked', to: 'wait_after_story' },
    { from: 'wait_after_story', output: 'replied', to: 'handoff_to_rep' },
    { from: 'wait_after_story', output: 'timeout', to: 'end_unresponsive' },
    { from: 'handoff_to_rep', output: 'accepted', to: 'end_handed_off' },
    { from: 'handoff_to_rep', output: 'timeout', to: 'end_handoff_timeout' },
  ],
  // Top to bottom: the touches down the middle, the rep and its outcomes to the right.
  layout: {
    lead_created: { x: 300, y: 0 },
    sms_hello: { x: 300, y: 150 },
    wait_after_hello: { x: 300, y: 300 },
    email_details: { x: 300, y: 450 },
    wait_after_details: { x: 300, y: 600 },
    sms_question: { x: 300, y: 750 },
    wait_after_question: { x: 300, y: 900 },
    email_story: { x: 300, y: 1050 },
    wait_after_story: { x: 300, y: 1200 },
    end_unresponsive: { x: 300, y: 1350 },
    handoff_to_rep: { x: 700, y: 600 },
    end_handed_off: { x: 700, y: 800 },
    end_handoff_timeout: { x: 1000, y: 800 },
  },
} as const satisfies FlowDefinition;
