import { describe, expect, it } from 'vitest';
import type { NodeConfigs } from '../types';
import { send } from './send';

const sms: NodeConfigs['send'] = { channel: 'sms', template: 'Hello', mediaUrls: [], whatsappTemplateVariables: [] };
const pathsOf = (config: object) => send.configSchema.safeParse(config).error?.issues.map((issue) => issue.path) ?? [];

describe('the send catalog entry', () => {
  it('asks for a subject when a send goes out by email', () => {
    expect(pathsOf({ ...sms, channel: 'email' })).toEqual([['subject']]);
    expect(pathsOf({ ...sms, channel: 'email', subject: 'Your quote' })).toEqual([]);
  });

  it('notifies someone else at a phone number, an email address or a templated address', () => {
    expect(pathsOf({ ...sms, to: '+14155550100' })).toEqual([]);
    expect(pathsOf({ ...sms, to: '{{ vars.ownerPhone }}' })).toEqual([]);
    expect(pathsOf({ ...sms, channel: 'email', subject: 'New lead', to: 'sales@example.com' })).toEqual([]);
    expect(pathsOf({ ...sms, to: '415 555 0100' })).toEqual([['to']]);
    expect(pathsOf({ ...sms, channel: 'email', subject: 'New lead', to: 'sales' })).toEqual([['to']]);
  });

  it('does not send "best channel" or web chat to someone other than the contact', () => {
    expect(pathsOf({ ...sms, channel: 'best', to: '+14155550100' })).toEqual([['to']]);
    expect(pathsOf({ ...sms, channel: 'webchat', to: '+14155550100' })).toEqual([['to']]);
  });

  it('attaches media by absolute URL, or by a template that renders one', () => {
    expect(pathsOf({ ...sms, mediaUrls: ['https://example.com/menu.pdf', '{{ vars.invoiceUrl }}'] })).toEqual([]);
    expect(pathsOf({ ...sms, mediaUrls: ['menu.pdf', ''] })).toEqual([
      ['mediaUrls', 0],
      ['mediaUrls', 1],
    ]);
  });

  it('sends a WhatsApp template by name with positional variables, on WhatsApp only', () => {
    const whatsapp = {
      ...sms,
      channel: 'whatsapp',
      whatsappTemplate: 'delivery_delay',
      whatsappTemplateVariables: ['{{ contact.firstName }}', '{{ trigger.data.newDate }}'],
    };
    expect(pathsOf(whatsapp)).toEqual([]);
    expect(pathsOf({ ...whatsapp, channel: 'best' })).toEqual([]);
    expect(pathsOf({ ...whatsapp, channel: 'sms' })).toEqual([['whatsappTemplate']]);
    expect(pathsOf({ ...whatsapp, whatsappTemplate: 'Delivery Delay' })).toEqual([['whatsappTemplate']]);
    expect(pathsOf({ ...sms, whatsappTemplateVariables: ['{{ contact.firstName }}'] })).toEqual([['whatsappTemplateVariables']]);
  });

  it('leaves the status and channel after every output, and the message id only once sent', () => {
    expect(send.results).toEqual([
      expect.objectContaining({ key: 'status', on: '*' }),
      expect.objectContaining({ key: 'channel', on: '*' }),
      expect.objectContaining({ key: 'messageId', on: ['sent'] }),
    ]);
  });
});
