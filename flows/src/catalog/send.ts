import { z } from 'zod';
import type { NodeConfigs } from '../types';
import { messageChannelOptions, messageChannelSchema } from './messageChannelOptions';
import type { MutuallyAssignable, NodeCatalogEntry } from './nodeCatalogEntry';

const configSchema = z
  .strictObject({
    channel: z.union([messageChannelSchema, z.literal('best')]),
    template: z.string().min(1, 'write the message to send'),
    subject: z.string().min(1, 'write a subject, or remove the field').optional(),
  })
  .superRefine((config, ctx) => {
    if (config.channel === 'email' && config.subject === undefined) {
      ctx.addIssue({ code: 'custom', path: ['subject'], message: 'an email needs a subject' });
    }
  });

true satisfies MutuallyAssignable<z.infer<typeof configSchema>, NodeConfigs['send']>;

export const send: NodeCatalogEntry<'send'> = {
  type: 'send',
  title: 'Send message',
  group: 'message',
  icon: 'send',
  description: 'Sends a message to the contact on one channel, or on the channel they answer best.',
  configSchema,
  defaults: { channel: 'sms', template: 'Hi {{ contact.firstName }}, thanks for getting in touch!' },
  fields: [
    {
      name: 'channel',
      label: 'Channel',
      help: '"Best channel" answers where the contact last replied; before any reply, on the channel that started the journey, else SMS.',
      kind: 'select',
      options: [...messageChannelOptions, { value: 'best', label: 'Best channel' }],
      required: true,
    },
    {
      name: 'template',
      label: 'Message',
      help: 'Liquid template. It can use {{ contact.* }}, {{ vars.* }}, {{ trigger.* }}, {{ reply.text }} and {{ nodes.<id>.* }}.',
      kind: 'textarea',
      required: true,
    },
    {
      name: 'subject',
      label: 'Email subject',
      help: 'Used when the message goes out as an email; required for the email channel.',
      kind: 'text',
      required: false,
    },
  ],
  waits: false,
  // Compliance can refuse a send (opted out, quiet hours, frequency cap): that is "blocked".
  outputs: () => ['sent', 'failed', 'blocked'],
};
