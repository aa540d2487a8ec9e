import { z } from 'zod';
import type { NodeConfigs } from '../types';
import type { MutuallyAssignable, NodeCatalogEntry } from './nodeCatalogEntry';
import { e164Schema } from './schemaParts/e164Schema';

const configSchema = z.strictObject({
  numbers: z.array(e164Schema),
});

true satisfies MutuallyAssignable<z.infer<typeof configSchema>, NodeConfigs['trigger.inboundCall']>;

export const triggerInboundCall: NodeCatalogEntry<'trigger.inboundCall'> = {
  type: 'trigger.inboundCall',
  title: 'Inbound call',
  group: 'trigger',
  icon: 'phone-incoming',
  description: 'Starts a journey when someone calls one of your numbers; the call stays open for voice nodes.',
  configSchema,
  defaults: { numbers: [] },
  fields: [
    {
      name: 'numbers',
      label: 'Our numbers',
      help: 'Which of your numbers this applies to, in E.164 form (+14155550100). Leave empty for all of them.',
      kind: 'list',
      placeholder: '+14155550100',
      required: true,
    },
  ],
  waits: false,
  outputs: () => ['next'],
  results: [],
  // The one trigger that starts with a caller on the line: voice nodes may follow it directly.
  call: { required: false, after: { next: 'inCall' } },
  setsVariables: () => [],
};
