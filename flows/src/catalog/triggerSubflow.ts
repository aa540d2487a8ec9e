import { z } from 'zod';
import type { NodeConfigs } from '../types';
import type { MutuallyAssignable, NodeCatalogEntry } from './nodeCatalogEntry';

// Nothing to configure: what the subflow takes is the flow's `interface`, not the node's.
const configSchema = z.strictObject({});

true satisfies MutuallyAssignable<z.infer<typeof configSchema>, NodeConfigs['trigger.subflow']>;

export const triggerSubflow: NodeCatalogEntry<'trigger.subflow'> = {
  type: 'trigger.subflow',
  title: 'Run as subflow',
  group: 'trigger',
  icon: 'log-in',
  description: "Starts this flow when another flow runs it as a subflow; the inputs are read as trigger.data.<name>.",
  configSchema,
  defaults: {},
  fields: [],
  waits: false,
  outputs: () => ['next'],
  results: [],
  call: { required: false },
  setsVariables: () => [],
};
