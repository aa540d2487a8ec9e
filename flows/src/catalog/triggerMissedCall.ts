import { z } from 'zod';
import type { NodeConfigs } from '../types';
import type { MutuallyAssignable, NodeCatalogEntry } from './nodeCatalogEntry';
import { e164Schema } from './schemaParts/e164Schema';

const missedCallOutcomeSchema = z.enum(['no-answer', 'busy', 'failed', 'canceled']);

const configSchema = z.strictObject({
  numbers: z.array(e164Schema),
  outcomes: z
    .array(missedCallOutcomeSchema)
    .min(1, 'choose at least one call outcome, or the flow never starts'),
});

true satisfies MutuallyAssignable<z.infer<typeof configSchema>, NodeConfigs['trigger.missedCall']>;

export const triggerMissedCall: NodeCatalogEntry<'trigger.missedCall'> = {
  type: 'trigger.missedCall',
  title: 'Missed call',
  group: 'trigger',
  icon: 'phone-missed',
  description: 'Starts a journey when someone calls one of your numbers and nobody answers.',
  configSchema,
  defaults: { numbers: [], outcomes: ['no-answer', 'busy'] },
  fields: [
    {
      name: 'numbers',
      label: 'Our numbers',
      help: 'Which of your numbers this applies to, in E.164 form (+14155550100). Leave empty for all of them.',
      kind: 'list',
      placeholder: '+14155550100',
      required: true,
    },
    {
      name: 'outcomes',
      label: 'Counts as missed',
      help: 'Which call outcomes start the flow: nobody picked up, the line was busy, the call failed, or the caller hung up first.',
      kind: 'multiselect',
      options: [
        { value: 'no-answer', label: 'No answer' },
        { value: 'busy', label: 'Busy' },
        { value: 'failed', label: 'Failed' },
        { value: 'canceled', label: 'Caller hung up' },
      ],
      required: true,
    },
  ],
  waits: false,
  outputs: () => ['next'],
  results: [],
  // The call is over by the time the journey starts, so voice nodes cannot follow directly.
  call: { required: false },
  setsVariables: () => [],
};
