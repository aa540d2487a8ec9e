import { z } from 'zod';
import type { NodeConfigs } from '../types';
import { durationTextSchema } from './durationTextSchema';
import type { MutuallyAssignable, NodeCatalogEntry } from './nodeCatalogEntry';
import { addDuplicateNameIssues, assignmentSchema } from './schemaParts/assignmentSchema';
import { isLiteralTemplate } from './schemaParts/literalTemplate';
import { templateSchemaSaying } from './schemaParts/templateSchema';

const configSchema = z
  .strictObject({
    skills: z.array(z.string().trim().min(1, 'remove the empty skill')),
    priority: templateSchemaSaying('write a priority, e.g. 0, or 10 for VIPs').refine(
      (priority) => !isLiteralTemplate(priority) || /^\s*-?\d+\s*$/.test(priority),
      { message: 'write the priority as a whole number such as 0 or 10, or a template that renders one' },
    ),
    sticky: z.boolean(),
    queue: z.string().trim().min(1, 'write a queue name, or remove the field').optional(),
    timeout: durationTextSchema,
    attributes: z.array(assignmentSchema),
  })
  .superRefine((config, ctx) => {
    addDuplicateNameIssues(config.skills, ctx, (index) => ['skills', index]);
    addDuplicateNameIssues(
      config.attributes.map((attribute) => attribute.name),
      ctx,
      (index) => ['attributes', index, 'name'],
    );
  });

true satisfies MutuallyAssignable<z.infer<typeof configSchema>, NodeConfigs['route']>;

export const route: NodeCatalogEntry<'route'> = {
  type: 'route',
  title: 'Route to agent',
  group: 'people',
  icon: 'route',
  description: 'Finds an available agent with the right skills and assigns them the conversation.',
  configSchema,
  defaults: { skills: [], priority: '0', sticky: true, timeout: '15m', attributes: [] },
  fields: [
    {
      name: 'skills',
      label: 'Skills',
      help: 'The agent must have all of these, e.g. billing, spanish. Leave empty for any agent.',
      kind: 'list',
      required: true,
    },
    {
      name: 'priority',
      label: 'Priority',
      help: 'A whole number, higher first; Liquid, e.g. {% if contact.tags contains "vip" %}10{% else %}0{% endif %}.',
      kind: 'text',
      placeholder: '0',
      required: true,
      template: true,
    },
    {
      name: 'sticky',
      label: 'Prefer the last agent',
      help: 'Offer the conversation first to the agent who last spoke with the contact, when they are available.',
      kind: 'boolean',
      required: true,
    },
    {
      name: 'queue',
      label: 'Queue',
      help: 'The queue the task waits in. Leave empty for the default queue.',
      kind: 'text',
      placeholder: 'support',
      required: false,
    },
    {
      name: 'timeout',
      label: 'Overflow after',
      help: 'How long to wait for an agent before taking "overflow": "90s", "15m", "24h" or "2d".',
      kind: 'duration',
      placeholder: '15m',
      required: true,
    },
    {
      name: 'attributes',
      label: 'Task attributes',
      help: 'Free-form details the agent sees with the task; values are Liquid, e.g. orderNumber: {{ vars.orderNumber }}.',
      kind: 'assignments',
      required: true,
      template: true,
    },
  ],
  waits: true,
  outputs: () => ['assigned', 'overflow'],
  results: [
    { key: 'agentId', description: 'The agent who took the conversation.', on: ['assigned'] },
    { key: 'queue', description: 'The queue it was assigned from.', on: ['assigned'] },
  ],
  call: { required: false },
  setsVariables: () => [],
};
