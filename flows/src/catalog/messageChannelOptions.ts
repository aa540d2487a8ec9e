import { z } from 'zod';
import { MESSAGE_CHANNELS, type MessageChannel } from '../types';
import type { FieldOption } from './nodeCatalogEntry';

export const messageChannelSchema = z.enum(['sms', 'whatsapp', 'email', 'webchat']);

true satisfies [MessageChannel] extends [z.infer<typeof messageChannelSchema>]
  ? [z.infer<typeof messageChannelSchema>] extends [MessageChannel]
    ? true
    : false
  : false;

const CHANNEL_LABELS: Record<MessageChannel, string> = {
  sms: 'SMS',
  whatsapp: 'WhatsApp',
  email: 'Email',
  webchat: 'Web chat',
};

export const messageChannelOptions: readonly FieldOption[] = MESSAGE_CHANNELS.map((channel) => ({
  value: channel,
  label: CHANNEL_LABELS[channel],
}));
