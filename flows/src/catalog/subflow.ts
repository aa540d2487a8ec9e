import { z } from 'zod';
import { flowIdSchema } from '../schema/identifiers';
import type { NodeConfigs } from '../types';
import type { MutuallyAssignable, NodeCatalogEntry } from './nodeCatalogEntry';
import { interfaceAssignmentsSchema } from './schemaParts/interfaceAssignmentSchema';

const configSchema = z.strictObject({
  flowId: flowIdSchema,
  version: z.union([
    z
      .number()
      .int('write a published version number, or "latest"')
      .min(1, 'versions start at 1; write a published version number, or "latest"'),
    z.literal('latest'),
  ]),
  inputs: interfaceAssignmentsSchema,
});

true satisfies MutuallyAssignable<z.infer<typeof configSchema>, NodeConfigs['subflow']>;

export const subflow: NodeCatalogEntry<'subflow'> = {
  type: 'subflow',
  title: 'Run subflow',
  group: 'flow',
  icon: 'workflow',
  description: 'Runs another published flow for this contact, passes it inputs and reads its outputs back.',
  configSchema,
  defaults: { flowId: 'my-subflow', version: 'latest', inputs: [] },
  fields: [
    {
      name: 'flowId',
      label: 'Flow',
      help: 'The id of the flow to run; it starts at its "subflow" trigger.',
      kind: 'text',
      placeholder: 'collect-address',
      required: true,
    },
    {
      name: 'version',
      label: 'Version',
      help: 'A published version number to pin, or "latest" for the newest published version when the node runs.',
      kind: 'text',
      placeholder: 'latest',
      required: true,
    },
    {
      name: 'inputs',
      label: 'Inputs',
      help: 'Values (Liquid) for the inputs the subflow declares; it reads them as {{ trigger.data.<name> }}. Its outputs come back as {{ nodes.<id>.outputs.<name> }}.',
      kind: 'assignments',
      required: true,
      template: true,
    },
  ],
  waits: true,
  outputs: () => ['completed', 'failed'],
  results: [
    { key: 'outputs', description: 'The values the subflow returned, by output name.', on: ['completed'] },
    { key: 'outcome', description: 'The outcome of the end node the subflow finished on.', on: ['completed'] },
    { key: 'error', description: 'Why the subflow failed.', on: ['failed'] },
  ],
  call: { required: false },
  setsVariables: () => [],
};
