import { z } from 'zod';
import type { NodeConfigs } from '../types';
import { durationTextSchema } from './durationTextSchema';
import type { MutuallyAssignable, NodeCatalogEntry } from './nodeCatalogEntry';
import { addDuplicateNameIssues, assignmentSchema } from './schemaParts/assignmentSchema';
import { templateSchemaSaying } from './schemaParts/templateSchema';

const configSchema = z
  .strictObject({
    toKind: z.enum(['agent', 'team']),
    to: z.string().trim().min(1, 'write the agent or team id to hand the conversation to'),
    summary: templateSchemaSaying('write what the agent should read first'),
    recommendedTemplate: templateSchemaSaying('write a suggested reply, or remove the field').optional(),
    timeout: durationTextSchema,
    attributes: z.array(assignmentSchema),
  })
  .superRefine((config, ctx) => {
    addDuplicateNameIssues(
      config.attributes.map((attribute) => attribute.name),
      ctx,
      (index) => ['attributes', index, 'name'],
    );
  });

true satisfies MutuallyAssignable<z.infer<typeof configSchema>, NodeConfigs['handoff']>;

export const handoff: NodeCatalogEntry<'handoff'> = {
  type: 'handoff',
  title: 'Hand off',
  group: 'people',
  icon: 'headset',
  description: 'Hands the conversation to a named agent or team with a summary and a suggested reply.',
  configSchema,
  defaults: {
    toKind: 'team',
    to: 'sales',
    summary: '{{ contact.firstName }} {{ contact.lastName }} wants to talk to someone. Last reply: {{ reply.text }}',
    timeout: '1h',
    attributes: [],
  },
  fields: [
    {
      name: 'toKind',
      label: 'Hand to',
      help: 'A named agent, or a team whose members are offered the conversation.',
      kind: 'select',
      options: [
        { value: 'agent', label: 'Agent' },
        { value: 'team', label: 'Team' },
      ],
      required: true,
    },
    {
      name: 'to',
      label: 'Agent or team',
      help: 'The id of the agent or team.',
      kind: 'text',
      placeholder: 'sales',
      required: true,
    },
    {
      name: 'summary',
      label: 'Summary',
      help: 'What the agent reads first (Liquid), e.g. who the contact is and what they asked. The whole cross-channel history comes with it.',
      kind: 'textarea',
      required: true,
      template: true,
    },
    {
      name: 'recommendedTemplate',
      label: 'Suggested reply',
      help: 'A reply the agent can send as is or edit (Liquid).',
      kind: 'textarea',
      required: false,
      template: true,
    },
    {
      name: 'timeout',
      label: 'Give up after',
      help: 'How long to wait for the agent or team to accept before taking "timeout": "90s", "15m", "24h" or "2d".',
      kind: 'duration',
      placeholder: '1h',
      required: true,
    },
    {
      name: 'attributes',
      label: 'Task attributes',
      help: 'Free-form details the agent sees with the conversation; values are Liquid.',
      kind: 'assignments',
      required: true,
      template: true,
    },
  ],
  waits: true,
  outputs: () => ['accepted', 'timeout'],
  results: [{ key: 'agentId', description: 'The agent who accepted the conversation.', on: ['accepted'] }],
  call: { required: false },
  setsVariables: () => [],
};
