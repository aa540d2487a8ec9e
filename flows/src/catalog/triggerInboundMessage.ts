import { z } from 'zod';
import type { NodeConfigs } from '../types';
import { messageChannelOptions, messageChannelSchema } from './messageChannelOptions';
import type { MutuallyAssignable, NodeCatalogEntry } from './nodeCatalogEntry';
import { regexPatternSchema } from './schemaParts/regexPatternSchema';

const configSchema = z.strictObject({
  channels: z.array(messageChannelSchema),
  keyword: z.string().min(1, 'write a keyword, or remove the field to match any message').optional(),
  regex: regexPatternSchema.optional(),
});

true satisfies MutuallyAssignable<
  z.infer<typeof configSchema>,
  NodeConfigs['trigger.inboundMessage']
>;

export const triggerInboundMessage: NodeCatalogEntry<'trigger.inboundMessage'> = {
  type: 'trigger.inboundMessage',
  title: 'Inbound message',
  group: 'trigger',
  icon: 'message-square-plus',
  description: 'Starts a journey when a contact sends a message, optionally containing a keyword or matching a pattern.',
  configSchema,
  defaults: { channels: [] },
  fields: [
    {
      name: 'channels',
      label: 'Channels',
      help: 'Messages on these channels start the flow. Leave empty for any channel.',
      kind: 'multiselect',
      options: messageChannelOptions,
      required: true,
    },
    {
      name: 'keyword',
      label: 'Keyword',
      help: 'Only messages containing this word start the flow (case-insensitive). Leave empty for any message.',
      kind: 'text',
      placeholder: 'DEMO',
      required: false,
    },
    {
      name: 'regex',
      label: 'Matches pattern',
      help: 'Only messages matching this regular expression start the flow (case-insensitive). With a keyword too, both must match.',
      kind: 'text',
      placeholder: '^(order|track)\\s+\\d+',
      required: false,
    },
  ],
  waits: false,
  outputs: () => ['next'],
  results: [],
  call: { required: false },
  setsVariables: () => [],
};
