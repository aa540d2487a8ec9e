import { z } from 'zod';
import type { NodeConfigs } from '../types';
import type { MutuallyAssignable, NodeCatalogEntry } from './nodeCatalogEntry';
import { addOutputNameIssues, outputNameSchema } from './schemaParts/outputNameSchema';

const branchSchema = z.strictObject({
  output: outputNameSchema,
  weight: z
    .number()
    .int('write the weight as a whole number, e.g. 50')
    .min(1, 'give the branch a weight of at least 1, or remove it')
    .max(1_000_000, 'keep weights at 1,000,000 or less; only their ratio matters'),
});

const configSchema = z
  .strictObject({
    branches: z.array(branchSchema).min(2, 'add at least two branches to compare'),
  })
  .superRefine((config, ctx) => {
    addOutputNameIssues(
      config.branches.map((branch) => branch.output),
      ctx,
      (index) => ['branches', index, 'output'],
    );
  });

true satisfies MutuallyAssignable<z.infer<typeof configSchema>, NodeConfigs['abSplit']>;

export const abSplit: NodeCatalogEntry<'abSplit'> = {
  type: 'abSplit',
  title: 'A/B split',
  group: 'logic',
  icon: 'flask-conical',
  description: 'Sends journeys down weighted branches; a journey always takes the same branch.',
  configSchema,
  defaults: {
    branches: [
      { output: 'a', weight: 50 },
      { output: 'b', weight: 50 },
    ],
  },
  fields: [
    {
      name: 'branches',
      label: 'Branches',
      help: 'Each branch is an output. Weights are relative: 1 and 3 send a quarter of journeys to the first. The choice is made from the journey id, so a replayed journey takes the same branch.',
      kind: 'branches',
      required: true,
    },
  ],
  waits: false,
  outputs: (config) => config.branches.map((branch) => branch.output),
  results: [{ key: 'branch', description: 'The output name of the branch taken.', on: '*' }],
  call: { required: false },
  setsVariables: () => [],
};
