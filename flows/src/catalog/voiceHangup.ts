import { z } from 'zod';
import type { NodeConfigs } from '../types';
import type { MutuallyAssignable, NodeCatalogEntry } from './nodeCatalogEntry';

const configSchema = z.strictObject({});

true satisfies MutuallyAssignable<z.infer<typeof configSchema>, NodeConfigs['voice.hangup']>;

export const voiceHangup: NodeCatalogEntry<'voice.hangup'> = {
  type: 'voice.hangup',
  title: 'Hang up',
  group: 'voice',
  icon: 'phone-off',
  description: 'Ends the call. The journey ends here too; to carry on (say, with a text), send before hanging up.',
  configSchema,
  defaults: {},
  fields: [],
  waits: false,
  outputs: () => [],
  results: [],
  call: { required: true },
  setsVariables: () => [],
};
