import { z } from 'zod';
import type { NodeConfigs } from '../types';
import { durationTextSchema } from './durationTextSchema';
import { messageChannelOptions, messageChannelSchema } from './messageChannelOptions';
import type { MutuallyAssignable, NodeCatalogEntry } from './nodeCatalogEntry';

const configSchema = z.strictObject({
  channels: z.array(messageChannelSchema),
  timeout: durationTextSchema,
});

true satisfies MutuallyAssignable<z.infer<typeof configSchema>, NodeConfigs['waitForReply']>;

export const waitForReply: NodeCatalogEntry<'waitForReply'> = {
  type: 'waitForReply',
  title: 'Wait for reply',
  group: 'message',
  icon: 'hourglass',
  description: 'Waits for the contact to reply on any channel you allow, up to a timeout.',
  configSchema,
  defaults: { channels: [], timeout: '24h' },
  fields: [
    {
      name: 'channels',
      label: 'Reply channels',
      help: 'A reply on any of these channels continues the journey. Leave empty for any channel: a text answered by WhatsApp still counts.',
      kind: 'multiselect',
      options: messageChannelOptions,
      required: true,
    },
    {
      name: 'timeout',
      label: 'Give up after',
      help: 'How long to wait before taking the "timeout" output: "90s", "15m", "24h" or "2d".',
      kind: 'duration',
      placeholder: '24h',
      required: true,
    },
  ],
  waits: true,
  outputs: () => ['replied', 'timeout'],
};
