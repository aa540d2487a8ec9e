import { z } from 'zod';
import { assertNever } from '../assertNever';
import type { NodeConfigs } from '../types';
import { messageChannelOptions, messageChannelSchema } from './messageChannelOptions';
import type { MutuallyAssignable, NodeCatalogEntry } from './nodeCatalogEntry';
import { E164_PATTERN } from './schemaParts/e164Schema';
import { isLiteralTemplate } from './schemaParts/literalTemplate';
import { templateSchemaSaying } from './schemaParts/templateSchema';
import { urlTemplateSchema } from './schemaParts/urlTemplateSchema';

const configSchema = z
  .strictObject({
    channel: z.union([messageChannelSchema, z.literal('best')]),
    template: templateSchemaSaying('write the message to send'),
    subject: templateSchemaSaying('write a subject, or remove the field').optional(),
    to: templateSchemaSaying('write who to send to, or remove the field to send to the contact').optional(),
    mediaUrls: z.array(urlTemplateSchema),
    whatsappTemplate: z
      .string()
      .regex(/^[a-z0-9_]{1,512}$/, 'write the template name as WhatsApp shows it: lower-case letters, digits and "_"')
      .optional(),
    whatsappTemplateVariables: z.array(templateSchemaSaying('write a value (Liquid) for the variable, or remove it')),
  })
  .superRefine((config, ctx) => {
    if (config.channel === 'email' && config.subject === undefined) {
      ctx.addIssue({ code: 'custom', path: ['subject'], message: 'an email needs a subject' });
    }
    if (config.to !== undefined) {
      const problem = recipientProblem(config.channel, config.to);
      if (problem !== undefined) ctx.addIssue({ code: 'custom', path: ['to'], message: problem });
    }
    if (config.whatsappTemplate !== undefined && config.channel !== 'whatsapp' && config.channel !== 'best') {
      ctx.addIssue({
        code: 'custom',
        path: ['whatsappTemplate'],
        message: 'a WhatsApp template is only sent on WhatsApp; choose the WhatsApp or best channel, or remove it',
      });
    }
    if (config.whatsappTemplate === undefined && config.whatsappTemplateVariables.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['whatsappTemplateVariables'],
        message: 'these variables fill a WhatsApp template; name the template, or remove them',
      });
    }
  });

/**
 * Why `to` cannot be used on this channel, or undefined. "Best" and web chat follow the
 * contact's own conversation, so they have no meaning for another recipient. A literal address
 * is checked now; a template is checked when it renders.
 */
function recipientProblem(channel: NodeConfigs['send']['channel'], to: string): string | undefined {
  switch (channel) {
    case 'best':
      return '"best channel" follows the contact\'s replies; choose SMS, WhatsApp or email to send to someone else';
    case 'webchat':
      return 'web chat reaches only the contact in the chat; choose SMS, WhatsApp or email to send to someone else';
    case 'sms':
    case 'whatsapp':
      return isLiteralTemplate(to) && !E164_PATTERN.test(to)
        ? 'write the phone number in E.164 form, e.g. +14155550100, or a template such as {{ vars.managerPhone }}'
        : undefined;
    case 'email':
      return isLiteralTemplate(to) && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(to)
        ? 'write an email address, e.g. sales@example.com, or a template such as {{ vars.ownerEmail }}'
        : undefined;
    default:
      return assertNever(channel, 'send channel');
  }
}

true satisfies MutuallyAssignable<z.infer<typeof configSchema>, NodeConfigs['send']>;

export const send: NodeCatalogEntry<'send'> = {
  type: 'send',
  title: 'Send message',
  group: 'message',
  icon: 'send',
  description: 'Sends a message to the contact, or to someone else, on one channel or on the channel the contact answers best.',
  configSchema,
  defaults: {
    channel: 'sms',
    template: 'Hi {{ contact.firstName }}, thanks for getting in touch!',
    mediaUrls: [],
    whatsappTemplateVariables: [],
  },
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
      template: true,
    },
    {
      name: 'subject',
      label: 'Email subject',
      help: 'Used when the message goes out as an email; required for the email channel.',
      kind: 'text',
      required: false,
      template: true,
    },
    {
      name: 'to',
      label: 'Send to',
      help: 'Leave empty to message the journey\'s contact. To notify someone else (a rep, a manager), write their phone number (E.164) or email, or a template such as {{ vars.ownerPhone }}.',
      kind: 'text',
      placeholder: '+14155550100',
      required: false,
      template: true,
    },
    {
      name: 'mediaUrls',
      label: 'Attachments',
      help: 'Public http(s) URLs of images or PDFs to attach (MMS, WhatsApp, email). Templates allowed.',
      kind: 'list',
      placeholder: 'https://example.com/menu.pdf',
      required: true,
      template: true,
    },
    {
      name: 'whatsappTemplate',
      label: 'WhatsApp template',
      help: 'An approved WhatsApp template, by name. WhatsApp sends it instead of the message when the contact has not written in the last 24 hours; without one, such a send is blocked.',
      kind: 'text',
      placeholder: 'order_update',
      required: false,
    },
    {
      name: 'whatsappTemplateVariables',
      label: 'Template variables',
      help: 'Values for the WhatsApp template\'s {{1}}, {{2}}, … in order, each a Liquid template.',
      kind: 'list',
      placeholder: '{{ contact.firstName }}',
      required: true,
      template: true,
    },
  ],
  waits: false,
  // Compliance can refuse a send (opted out, quiet hours, frequency cap): that is "blocked".
  outputs: () => ['sent', 'failed', 'blocked'],
  results: [
    { key: 'status', description: 'How the send went: sent, failed or blocked.', on: '*' },
    { key: 'channel', description: 'The channel it went out on (where "best" led).', on: '*' },
    { key: 'messageId', description: "The provider's id of the message.", on: ['sent'] },
  ],
  call: { required: false },
  setsVariables: () => [],
};
