import { z } from 'zod';
import type { NodeConfigs } from '../types';
import type { MutuallyAssignable, NodeCatalogEntry } from './nodeCatalogEntry';
import { boundedIntegerSchema } from './schemaParts/boundedIntegerSchema';
import { e164Schema, phoneTemplateProblem } from './schemaParts/e164Schema';
import { templateSchemaSaying } from './schemaParts/templateSchema';

const configSchema = z
  .strictObject({
    connectTo: z.enum(['number', 'queue', 'agent']),
    target: templateSchemaSaying('write who to connect the caller to'),
    timeoutSeconds: boundedIntegerSchema(1, 600, 'seconds'),
    callerId: e164Schema.optional(),
    record: z.boolean(),
  })
  .superRefine((config, ctx) => {
    const problem = config.connectTo === 'number' ? phoneTemplateProblem(config.target, '{{ vars.repPhone }}') : undefined;
    if (problem !== undefined) ctx.addIssue({ code: 'custom', path: ['target'], message: problem });
  });

true satisfies MutuallyAssignable<z.infer<typeof configSchema>, NodeConfigs['voice.connect']>;

export const voiceConnect: NodeCatalogEntry<'voice.connect'> = {
  type: 'voice.connect',
  title: 'Connect call',
  group: 'voice',
  icon: 'phone-forwarded',
  description: 'Connects the caller to a phone number, a queue or an agent, and continues when that call ends.',
  configSchema,
  defaults: { connectTo: 'queue', target: 'support', timeoutSeconds: 30, record: false },
  fields: [
    {
      name: 'connectTo',
      label: 'Connect to',
      help: 'A phone number, a queue of agents, or one agent.',
      kind: 'select',
      options: [
        { value: 'number', label: 'Phone number' },
        { value: 'queue', label: 'Queue' },
        { value: 'agent', label: 'Agent' },
      ],
      required: true,
    },
    {
      name: 'target',
      label: 'Number, queue or agent',
      help: 'The number in E.164 form, the queue name or the agent id; templates allowed, e.g. {{ vars.repPhone }}.',
      kind: 'text',
      placeholder: 'support',
      required: true,
      template: true,
    },
    {
      name: 'timeoutSeconds',
      label: 'Ring for (seconds)',
      help: 'How long (1-600 s) to ring before taking "noAnswer".',
      kind: 'number',
      placeholder: '30',
      required: true,
    },
    {
      name: 'callerId',
      label: 'Caller id',
      help: 'One of your numbers (E.164) shown to the called party. Leave empty to show the caller\'s number.',
      kind: 'text',
      placeholder: '+14155550100',
      required: false,
    },
    {
      name: 'record',
      label: 'Record the call',
      help: 'Record the conversation once connected. Check your local consent rules.',
      kind: 'boolean',
      required: true,
    },
  ],
  waits: true,
  // Each output is taken when the connected leg ends; the caller is still on the line after
  // it (as after TwiML's <Dial action>), so the call state is unchanged.
  outputs: () => ['completed', 'noAnswer', 'busy', 'failed'],
  results: [
    { key: 'status', description: 'How the connected call went: completed, noAnswer, busy or failed.', on: '*' },
    { key: 'durationSeconds', description: 'How long the connected call lasted, in seconds.', on: '*' },
  ],
  call: { required: true },
  setsVariables: () => [],
};
