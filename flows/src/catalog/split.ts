import { z } from 'zod';
import type { NodeConfigs } from '../types';
import { ELSE_OUTPUT } from '../runtime/evaluateSplit';
import type { MutuallyAssignable, NodeCatalogEntry } from './nodeCatalogEntry';
import { addOutputNameIssues } from './schemaParts/outputNameSchema';
import { templateSchemaSaying } from './schemaParts/templateSchema';
import { splitConditionSchema, splitOperatorOptions } from './splitConditionSchema';

const configSchema = z
  .strictObject({
    input: templateSchemaSaying('write the value to test, e.g. {{ reply.text }}'),
    conditions: z.array(splitConditionSchema).min(1, 'add at least one condition'),
  })
  .superRefine((config, ctx) => {
    addOutputNameIssues(
      config.conditions.map((condition) => condition.output),
      ctx,
      (index) => ['conditions', index, 'output'],
    );
  });

true satisfies MutuallyAssignable<z.infer<typeof configSchema>, NodeConfigs['split']>;

export const split: NodeCatalogEntry<'split'> = {
  type: 'split',
  title: 'Split',
  group: 'logic',
  icon: 'split',
  description: 'Takes the first output whose condition matches a value from the journey, else "else".',
  configSchema,
  defaults: {
    input: '{{ reply.text }}',
    conditions: [{ output: 'yes', operator: 'matchesAnyOf', values: ['yes', 'yep', 'sure'] }],
  },
  fields: [
    {
      name: 'input',
      label: 'Look at',
      help: 'The value to test, as Liquid: {{ reply.text }} for the last reply, {{ nodes.<id>.reply.text }} for the reply a given wait received, or {{ contact.* }}, {{ vars.* }}, {{ trigger.* }}.',
      kind: 'text',
      placeholder: '{{ reply.text }}',
      required: true,
      template: true,
    },
    {
      name: 'conditions',
      label: 'Conditions',
      help: 'Checked in order; the first that matches picks its output, else "else". Text comparisons ignore case; with several values, any one matching is enough ("none of" and "does not …": none may match). Values may be Liquid. Less/greater than compare numbers; times are HH:MM, dates YYYY-MM-DD.',
      kind: 'conditions',
      options: splitOperatorOptions,
      required: true,
      template: true,
    },
  ],
  waits: false,
  outputs: (config) => [...config.conditions.map((condition) => condition.output), ELSE_OUTPUT],
  results: [{ key: 'value', description: 'The tested value, as the input rendered it.', on: '*' }],
  call: { required: false },
  setsVariables: () => [],
};
