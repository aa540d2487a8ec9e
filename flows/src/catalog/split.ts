import { z } from 'zod';
import type { NodeConfigs, SplitCondition, SplitOperator } from '../types';
import { ELSE_OUTPUT } from '../runtime/evaluateSplit';
import type { MutuallyAssignable, NodeCatalogEntry } from './nodeCatalogEntry';

const splitOperatorSchema = z.enum(['contains', 'equals', 'matchesAnyOf', 'isBlank', 'isNotBlank']);

true satisfies MutuallyAssignable<z.infer<typeof splitOperatorSchema>, SplitOperator>;

/** Operators that compare against `values`, and so need at least one. */
const COMPARING_OPERATORS: ReadonlySet<SplitOperator> = new Set(['contains', 'equals', 'matchesAnyOf']);

const splitConditionSchema = z
  .strictObject({
    output: z
      .string()
      .regex(
        /^[A-Za-z][A-Za-z0-9_-]{0,63}$/,
        'name the output with letters, digits, "-" or "_", starting with a letter',
      ),
    operator: splitOperatorSchema,
    values: z.array(z.string().min(1, 'remove the empty value')),
  })
  .superRefine((condition, ctx) => {
    if (COMPARING_OPERATORS.has(condition.operator) && condition.values.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['values'],
        message: `"${condition.operator}" needs at least one value to compare with`,
      });
    }
  });

true satisfies MutuallyAssignable<z.infer<typeof splitConditionSchema>, SplitCondition>;

const configSchema = z
  .strictObject({
    input: z
      .string()
      .regex(
        /^[A-Za-z_][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)*$/,
        'write a dotted path into the journey, e.g. reply.text or nodes.wait_reply.reply.text',
      ),
    conditions: z.array(splitConditionSchema).min(1, 'add at least one condition'),
  })
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.conditions.forEach((condition, index) => {
      if (condition.output === ELSE_OUTPUT) {
        ctx.addIssue({
          code: 'custom',
          path: ['conditions', index, 'output'],
          message: `"${ELSE_OUTPUT}" is the output taken when nothing matches; pick another name`,
        });
      } else if (seen.has(condition.output)) {
        ctx.addIssue({
          code: 'custom',
          path: ['conditions', index, 'output'],
          message: `another condition already leads to "${condition.output}"; output names must be unique`,
        });
      }
      seen.add(condition.output);
    });
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
    input: 'reply.text',
    conditions: [{ output: 'yes', operator: 'matchesAnyOf', values: ['yes', 'yep', 'sure'] }],
  },
  fields: [
    {
      name: 'input',
      label: 'Look at',
      help: 'A path into the journey: reply.text for the last reply, nodes.<id>.reply.text for the reply a given wait received, contact.*, vars.*, trigger.*.',
      kind: 'text',
      placeholder: 'reply.text',
      required: true,
    },
    {
      name: 'conditions',
      label: 'Conditions',
      help: 'Checked in order, case-insensitively; the first that matches picks its output. With several values, any one matching is enough.',
      kind: 'conditions',
      options: [
        { value: 'contains', label: 'contains' },
        { value: 'equals', label: 'equals' },
        { value: 'matchesAnyOf', label: 'matches any of' },
        { value: 'isBlank', label: 'is blank' },
        { value: 'isNotBlank', label: 'is not blank' },
      ],
      required: true,
    },
  ],
  waits: false,
  outputs: (config) => [...config.conditions.map((condition) => condition.output), ELSE_OUTPUT],
};
