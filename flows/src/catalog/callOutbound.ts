import { z } from 'zod';
import type { NodeConfigs } from '../types';
import type { MutuallyAssignable, NodeCatalogEntry } from './nodeCatalogEntry';
import { boundedIntegerSchema } from './schemaParts/boundedIntegerSchema';
import { e164Schema, phoneTemplateProblem } from './schemaParts/e164Schema';
import { templateSchemaSaying } from './schemaParts/templateSchema';

const configSchema = z
  .strictObject({
    to: templateSchemaSaying('write the number to call, or remove the field to call the contact').optional(),
    from: e164Schema.optional(),
    machineDetection: z.enum(['off', 'detect', 'detectMessageEnd']),
    timeoutSeconds: boundedIntegerSchema(1, 600, 'seconds'),
  })
  .superRefine((config, ctx) => {
    const problem = config.to === undefined ? undefined : phoneTemplateProblem(config.to, '{{ vars.altPhone }}');
    if (problem !== undefined) ctx.addIssue({ code: 'custom', path: ['to'], message: problem });
  });

true satisfies MutuallyAssignable<z.infer<typeof configSchema>, NodeConfigs['call.outbound']>;

export const callOutbound: NodeCatalogEntry<'call.outbound'> = {
  type: 'call.outbound',
  title: 'Call contact',
  group: 'voice',
  icon: 'phone-outgoing',
  description: 'Places a phone call to the contact and continues when it is answered, by a person or a machine, or not.',
  configSchema,
  defaults: { machineDetection: 'detect', timeoutSeconds: 30 },
  fields: [
    {
      name: 'to',
      label: 'Number to call',
      help: 'Leave empty to call the contact\'s phone. Or a number in E.164 form, or a template such as {{ vars.altPhone }}.',
      kind: 'text',
      placeholder: '+14155550100',
      required: false,
      template: true,
    },
    {
      name: 'from',
      label: 'Call from',
      help: 'One of your numbers (E.164). Leave empty for the flow\'s default number.',
      kind: 'text',
      placeholder: '+14155550100',
      required: false,
    },
    {
      name: 'machineDetection',
      label: 'Answering machines',
      help: '"Detect" tells a person from a machine as soon as it can. "Wait for the beep" also waits until the greeting ends, so a voicemail left on "machine" is heard in full. With "off", every answer takes "human".',
      kind: 'select',
      options: [
        { value: 'off', label: 'Off' },
        { value: 'detect', label: 'Detect' },
        { value: 'detectMessageEnd', label: 'Detect and wait for the beep' },
      ],
      required: true,
    },
    {
      name: 'timeoutSeconds',
      label: 'Ring for (seconds)',
      help: 'How long (1-600 s) to ring before taking "noAnswer".',
      kind: 'number',
      placeholder: '30',
      required: true,
    },
  ],
  waits: true,
  // `blocked`: the contact asked for no calls or opted out of voice; the call was never placed.
  // A definition without a `blocked` edge takes `failed` instead, so earlier flows still run.
  outputs: () => ['human', 'machine', 'noAnswer', 'busy', 'failed', 'blocked'],
  results: [
    { key: 'status', description: 'How the call went: answered, noAnswer, busy, failed or blocked.', on: '*' },
    { key: 'answeredBy', description: 'Who answered: human, machine or unknown (when detection is off).', on: '*' },
  ],
  // Needs no call itself: it makes one. Answered calls continue in the call.
  call: {
    required: false,
    after: { human: 'inCall', machine: 'inCall', noAnswer: 'noCall', busy: 'noCall', failed: 'noCall', blocked: 'noCall' },
  },
  setsVariables: () => [],
};
