import { z } from 'zod';
import type { NodeConfigs } from '../types';
import { durationTextSchema } from './durationTextSchema';
import { messageChannelOptions, messageChannelSchema } from './messageChannelOptions';
import type { MutuallyAssignable, NodeCatalogEntry } from './nodeCatalogEntry';
import { answerValidationSchema } from './schemaParts/answerValidationSchema';
import { variableNameSchema } from './schemaParts/assignmentSchema';
import { templateSchemaSaying } from './schemaParts/templateSchema';

const MAX_REPROMPTS = 10;

const configSchema = z
  .strictObject({
    channels: z.array(messageChannelSchema),
    timeout: durationTextSchema,
    saveAs: variableNameSchema.optional(),
    validation: answerValidationSchema.optional(),
    repromptTemplate: templateSchemaSaying('write the message to send after an invalid reply, or remove the field').optional(),
    maxReprompts: z
      .number()
      .int('write a whole number of re-prompts')
      .min(0, 'write 0 to never re-prompt')
      .max(MAX_REPROMPTS, `re-prompt at most ${MAX_REPROMPTS} times; a contact who fails that often needs a person`),
  })
  .superRefine((config, ctx) => {
    if (config.validation === undefined && config.repromptTemplate !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['repromptTemplate'],
        message: 'a re-prompt is sent only after a reply fails validation; choose a validation, or remove it',
      });
    }
    if (config.validation !== undefined && config.maxReprompts > 0 && config.repromptTemplate === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['repromptTemplate'],
        message: 'write what to send after an invalid reply, or set the re-prompts to 0',
      });
    }
  });

true satisfies MutuallyAssignable<z.infer<typeof configSchema>, NodeConfigs['waitForReply']>;

export const waitForReply: NodeCatalogEntry<'waitForReply'> = {
  type: 'waitForReply',
  title: 'Wait for reply',
  group: 'message',
  icon: 'hourglass',
  description: 'Waits for the contact to reply on any channel you allow, up to a timeout; can check and save the answer.',
  configSchema,
  defaults: { channels: [], timeout: '24h', maxReprompts: 0 },
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
    {
      name: 'saveAs',
      label: 'Save answer as',
      help: 'A variable name: the reply text (once it passes validation) is kept as {{ vars.<name> }}. It is also always at {{ nodes.<id>.reply.text }}.',
      kind: 'text',
      placeholder: 'email',
      required: false,
    },
    {
      name: 'validation',
      label: 'Check the answer',
      help: 'Accept only a number, an email address, a date, yes/no, a pattern or one of a list. A reply that fails is re-prompted, then takes the "invalid" output.',
      kind: 'validation',
      required: false,
    },
    {
      name: 'repromptTemplate',
      label: 'Re-prompt message',
      help: 'Sent on the reply\'s channel when a reply fails the check, e.g. "Sorry, that does not look like an email address. Please try again."',
      kind: 'textarea',
      required: false,
      template: true,
    },
    {
      name: 'maxReprompts',
      label: 'Re-prompts',
      help: `How many times to ask again after an invalid reply before taking "invalid" (0-${MAX_REPROMPTS}). Used only with a check.`,
      kind: 'number',
      placeholder: '1',
      required: true,
    },
  ],
  waits: true,
  // "invalid" exists only with a check: without one, every reply is accepted.
  outputs: (config) => (config.validation === undefined ? ['replied', 'timeout'] : ['replied', 'timeout', 'invalid']),
  results: [
    { key: 'reply', description: 'The reply: text, channel and at (when it arrived).', on: ['replied', 'invalid'] },
    { key: 'value', description: 'The accepted answer: a number for a number check, true/false for yes/no, else the text.', on: ['replied'] },
  ],
  call: { required: false },
  setsVariables: (config) => (config.saveAs === undefined ? [] : [config.saveAs]),
};
