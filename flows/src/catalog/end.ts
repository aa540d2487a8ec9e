import { z } from 'zod';
import type { NodeConfigs } from '../types';
import type { MutuallyAssignable, NodeCatalogEntry } from './nodeCatalogEntry';
import { interfaceAssignmentsSchema } from './schemaParts/interfaceAssignmentSchema';

const configSchema = z.strictObject({
  outcome: z
    .string()
    .regex(
      /^[A-Za-z][A-Za-z0-9_-]{0,63}$/,
      'write a short label of letters, digits, "-" or "_", e.g. converted or unresponsive',
    ),
  returns: interfaceAssignmentsSchema,
});

true satisfies MutuallyAssignable<z.infer<typeof configSchema>, NodeConfigs['end']>;

export const end: NodeCatalogEntry<'end'> = {
  type: 'end',
  title: 'End',
  group: 'end',
  icon: 'flag',
  description: 'Ends the journey and records its outcome on the timeline.',
  configSchema,
  defaults: { outcome: 'completed', returns: [] },
  fields: [
    {
      name: 'outcome',
      label: 'Outcome',
      help: 'The label reports group journeys by: converted, unresponsive, optedOut, …',
      kind: 'text',
      placeholder: 'converted',
      required: true,
    },
    {
      name: 'returns',
      label: 'Return values',
      help: 'When this flow runs as a subflow: values (Liquid) for the outputs its interface declares, read by the parent as {{ nodes.<id>.outputs.<name> }}. Leave empty otherwise.',
      kind: 'assignments',
      required: true,
      template: true,
    },
  ],
  waits: false,
  outputs: () => [],
  results: [],
  call: { required: false },
  setsVariables: () => [],
};
