import { z } from 'zod';
import type { NodeConfigs } from '../types';
import type { MutuallyAssignable, NodeCatalogEntry } from './nodeCatalogEntry';
import { VARIABLE_NAME_PATTERN, addDuplicateNameIssues } from './schemaParts/assignmentSchema';
import { eventNameSchema } from './schemaParts/eventNameSchema';

const payloadFieldSchema = z.strictObject({
  // Read as trigger.data.<name> in Liquid, so a plain identifier.
  name: z
    .string()
    .regex(VARIABLE_NAME_PATTERN, 'name the payload field with letters, digits or "_", e.g. amountDue'),
  type: z.enum(['string', 'number', 'boolean', 'object']),
  required: z.boolean(),
});

const configSchema = z
  .strictObject({
    event: eventNameSchema,
    payload: z.array(payloadFieldSchema),
  })
  .superRefine((config, ctx) => {
    addDuplicateNameIssues(
      config.payload.map((field) => field.name),
      ctx,
      (index) => ['payload', index, 'name'],
    );
  });

true satisfies MutuallyAssignable<z.infer<typeof configSchema>, NodeConfigs['trigger.event']>;

export const triggerEvent: NodeCatalogEntry<'trigger.event'> = {
  type: 'trigger.event',
  title: 'Event',
  group: 'trigger',
  icon: 'zap',
  description: 'Starts a journey when your systems send an event for a contact, such as lead.created or payment.due.',
  configSchema,
  defaults: { event: 'lead.created', payload: [] },
  fields: [
    {
      name: 'event',
      label: 'Event name',
      help: 'The name your system posts to the events API, as dotted words: lead.created, payment.due, order.shipped.',
      kind: 'text',
      placeholder: 'payment.due',
      required: true,
    },
    {
      name: 'payload',
      label: 'Payload fields',
      help: 'The fields the event carries, each with a type and whether it must be present. Templates read them as {{ trigger.data.<name> }}; an event missing a required field is refused.',
      kind: 'json',
      required: true,
    },
  ],
  waits: false,
  outputs: () => ['next'],
  results: [],
  call: { required: false },
  setsVariables: () => [],
};
