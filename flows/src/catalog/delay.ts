import { z } from 'zod';
import type { NodeConfigs } from '../types';
import { durationTextSchema } from './durationTextSchema';
import type { MutuallyAssignable, NodeCatalogEntry } from './nodeCatalogEntry';

const configSchema = z.strictObject({
  duration: durationTextSchema,
});

true satisfies MutuallyAssignable<z.infer<typeof configSchema>, NodeConfigs['delay']>;

export const delay: NodeCatalogEntry<'delay'> = {
  type: 'delay',
  title: 'Delay',
  group: 'logic',
  icon: 'timer',
  description: 'Pauses the journey for a while, from seconds to days, then goes on.',
  configSchema,
  defaults: { duration: '1h' },
  fields: [
    {
      name: 'duration',
      label: 'Wait for',
      help: 'How long to pause: "90s", "15m", "24h" or "2d". The journey keeps its place through restarts.',
      kind: 'duration',
      placeholder: '1h',
      required: true,
    },
  ],
  waits: true,
  outputs: () => ['next'],
  results: [],
  call: { required: false },
  setsVariables: () => [],
};
