import type { FlowDefinition } from '../src/types';

/**
 * Proactive delivery-delay update: tells the customer before they have to ask. The update goes
 * on WhatsApp; it is business-initiated, so outside WhatsApp's 24-hour window only an approved
 * template may be sent — `delivery_delay_update`, its variables in the order the template
 * declares them. When WhatsApp fails or is not allowed, the same news goes by SMS.
 */
export const deliveryDelayUpdate = {
  $schema: '../schema/flow-definition.schema.json',
  schemaVersion: 2,
  id: 'delivery-delay-update',
  name: 'Delivery delay update',
  description:
    'Tells a customer on WhatsApp, with an approved template, that their delivery is running late and when it will arrive, and falls back to SMS.',
  nodes: [
    {
      id: 'delivery_delayed',
      type: 'trigger.event',
      label: 'Delivery delayed',
      config: {
        event: 'delivery.delayed',
        payload: [
          { name: 'orderId', type: 'string', required: true },
          { name: 'newEta', type: 'string', required: true },
          { name: 'trackingUrl', type: 'string', required: true },
        ],
      },
    },
    {
      id: 'whatsapp_update',
      type: 'send',
      label: 'Update on WhatsApp',
      config: {
        channel: 'whatsapp',
        template:
          'Hi {{ contact.firstName | default: "there" }}, your order {{ trigger.data.orderId }} is running late, sorry. It should now arrive {{ trigger.data.newEta }}. Track it here: {{ trigger.data.trackingUrl }}',
        mediaUrls: [],
        whatsappTemplate: 'delivery_delay_update',
        whatsappTemplateVariables: [
          '{{ contact.firstName | default: "there" }}',
          '{{ trigger.data.orderId }}',
          '{{ trigger.data.newEta }}',
          '{{ trigger.data.trackingUrl }}',
        ],
      },
    },
    {
      id: 'sms_update',
      type: 'send',
      label: 'Update by SMS',
      config: {
        channel: 'sms',
        template:
          'Sorry, your order {{ trigger.data.orderId }} is running late. New delivery estimate: {{ trigger.data.newEta }}. Track it: {{ trigger.data.trackingUrl }}',
        mediaUrls: [],
        whatsappTemplateVariables: [],
      },
    },
    { id: 'end_notified', type: 'end', label: 'Told on WhatsApp', config: { outcome: 'notified', returns: [] } },
    {
      id: 'end_notified_by_sms',
      type: 'end',
      label: 'Told by SMS',
      config: { outcome: 'notifiedBySms', returns: [] },
    },
    { id: 'end_blocked', type: 'end', label: 'Not allowed to send', config: { outcome: 'blocked', returns: [] } },
    { id: 'end_send_failed', type: 'end', label: 'Send failed', config: { outcome: 'sendFailed', returns: [] } },
  ],
  edges: [
    { from: 'delivery_delayed', output: 'next', to: 'whatsapp_update' },
    { from: 'whatsapp_update', output: 'sent', to: 'end_notified' },
    { from: 'whatsapp_update', output: 'failed', to: 'sms_update' },
    { from: 'whatsapp_update', output: 'blocked', to: 'sms_update' },
    { from: 'sms_update', output: 'sent', to: 'end_notified_by_sms' },
    { from: 'sms_update', output: 'failed', to: 'end_send_failed' },
    { from: 'sms_update', output: 'blocked', to: 'end_blocked' },
  ],
  // Top to bottom: WhatsApp down the middle, the SMS fallback beside it, the ways out in a
  // column to the right.
  layout: {
    delivery_delayed: { x: 300, y: 0 },
    whatsapp_update: { x: 300, y: 150 },
    end_notified: { x: 300, y: 300 },
    sms_update: { x: 600, y: 300 },
    end_notified_by_sms: { x: 600, y: 450 },
    end_send_failed: { x: 950, y: 300 },
    end_blocked: { x: 950, y: 450 },
  },
} as const satisfies FlowDefinition;
