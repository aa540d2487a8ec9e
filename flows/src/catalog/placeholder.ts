import { z } from 'zod';
import type { NodeConfigs } from '../types';
import type { MutuallyAssignable, NodeCatalogEntry } from './nodeCatalogEntry';
import { addOutputNameIssues, outputNameSchema } from './schemaParts/outputNameSchema';

const configSchema = z
  .strictObject({
    note: z.string().trim().min(1, 'say what this stands in for and what to build instead'),
    source: z.string().trim().min(1, 'say where it came from, e.g. twilio-studio:capture-payments'),
    // JSON, not any value: it is written into the definition as it was imported.
    original: z.json(),
    outputs: z.array(outputNameSchema),
  })
  .superRefine((config, ctx) => {
    // The exits are copied from the original (Studio's events), so none is reserved here.
    addOutputNameIssues(config.outputs, ctx, (index) => ['outputs', index], []);
  });

true satisfies MutuallyAssignable<z.infer<typeof configSchema>, NodeConfigs['placeholder']>;

export const placeholder: NodeCatalogEntry<'placeholder'> = {
  type: 'placeholder',
  title: 'Placeholder',
  group: 'flow',
  inPalette: false,
  icon: 'construction',
  description: 'Stands in for a step an import could not map, keeping the original; replace it before publishing.',
  configSchema,
  defaults: {
    note: 'A step still to be built.',
    source: 'manual',
    original: null,
    outputs: ['next'],
  },
  fields: [
    {
      name: 'note',
      label: 'Note',
      help: 'What this stood for and why it could not be mapped; what to build in its place.',
      kind: 'textarea',
      required: true,
    },
    {
      name: 'source',
      label: 'Source',
      help: 'Where it came from, e.g. twilio-studio:capture-payments.',
      kind: 'text',
      required: true,
    },
    {
      name: 'original',
      label: 'Original',
      help: 'The original definition, kept as it was imported, to rebuild the step from.',
      kind: 'json',
      required: true,
    },
    {
      name: 'outputs',
      label: 'Outputs',
      help: 'The original\'s exits, kept so its connections survive the import. Connect the replacement node\'s outputs in their place.',
      kind: 'list',
      required: true,
    },
  ],
  waits: false,
  outputs: (config) => config.outputs,
  results: [],
  call: { required: false },
  setsVariables: () => [],
};
