import { z } from 'zod';
import { assertNever } from '../assertNever';
import { parseNumber } from '../runtime/parseNumber';
import { isCalendarDate } from '../runtime/zonedDateTime';
import type { SplitCondition, SplitOperator } from '../types';
import type { FieldOption, MutuallyAssignable } from './nodeCatalogEntry';
import { isLiteralTemplate } from './schemaParts/literalTemplate';
import { outputNameSchema } from './schemaParts/outputNameSchema';
import { regexProblem } from './schemaParts/regexPatternSchema';
import { minutesOfTimeOfDay } from './schemaParts/timeOfDay';

/** The operators in the order the builder offers them, with the words it shows. */
export const splitOperatorOptions: readonly FieldOption[] = [
  { value: 'equals', label: 'equals' },
  { value: 'notEquals', label: 'does not equal' },
  { value: 'matchesAnyOf', label: 'matches any of' },
  { value: 'matchesNoneOf', label: 'matches none of' },
  { value: 'isBlank', label: 'is blank' },
  { value: 'isNotBlank', label: 'is not blank' },
  { value: 'regex', label: 'matches the pattern' },
  { value: 'contains', label: 'contains' },
  { value: 'doesNotContain', label: 'does not contain' },
  { value: 'startsWith', label: 'starts with' },
  { value: 'doesNotStartWith', label: 'does not start with' },
  { value: 'lessThan', label: 'is less than' },
  { value: 'greaterThan', label: 'is greater than' },
  { value: 'beforeTime', label: 'is before the time' },
  { value: 'afterTime', label: 'is after the time' },
  { value: 'beforeDate', label: 'is before the date' },
  { value: 'afterDate', label: 'is after the date' },
];

const splitOperatorSchema = z.enum([
  'equals',
  'notEquals',
  'matchesAnyOf',
  'matchesNoneOf',
  'isBlank',
  'isNotBlank',
  'regex',
  'contains',
  'doesNotContain',
  'startsWith',
  'doesNotStartWith',
  'lessThan',
  'greaterThan',
  'beforeTime',
  'afterTime',
  'beforeDate',
  'afterDate',
]);

true satisfies MutuallyAssignable<z.infer<typeof splitOperatorSchema>, SplitOperator>;

/**
 * How many values an operator compares with: none (blank checks), exactly one (an ordering has
 * one bound), or one or more (any of them may match). The builder shapes the values control on it.
 */
export function splitOperatorArity(operator: SplitOperator): 'none' | 'one' | 'oneOrMore' {
  switch (operator) {
    case 'isBlank':
    case 'isNotBlank':
      return 'none';
    case 'lessThan':
    case 'greaterThan':
    case 'beforeTime':
    case 'afterTime':
    case 'beforeDate':
    case 'afterDate':
      return 'one';
    case 'equals':
    case 'notEquals':
    case 'matchesAnyOf':
    case 'matchesNoneOf':
    case 'regex':
    case 'contains':
    case 'doesNotContain':
    case 'startsWith':
    case 'doesNotStartWith':
      return 'oneOrMore';
    default:
      return assertNever(operator, 'split operator');
  }
}

/**
 * What is wrong with a comparand that holds no Liquid markup, so is known when the flow is
 * saved; undefined when it is fine. A templated comparand is only known at run time.
 */
function literalValueProblem(operator: SplitOperator, value: string): string | undefined {
  if (!isLiteralTemplate(value)) return undefined;
  switch (operator) {
    case 'regex':
      return regexProblem(value);
    case 'lessThan':
    case 'greaterThan':
      return parseNumber(value) !== undefined
        ? undefined
        : `"${value}" is not a number; write one such as 10 or 2.5, or a template such as {{ vars.limit }}`;
    case 'beforeTime':
    case 'afterTime':
      return minutesOfTimeOfDay(value) !== undefined
        ? undefined
        : `"${value}" is not a time of day; write a 24-hour HH:MM such as 17:30, or a template`;
    case 'beforeDate':
    case 'afterDate':
      return isCalendarDate(value)
        ? undefined
        : `"${value}" is not a date; write YYYY-MM-DD such as 2025-12-24, or a template`;
    case 'equals':
    case 'notEquals':
    case 'matchesAnyOf':
    case 'matchesNoneOf':
    case 'isBlank':
    case 'isNotBlank':
    case 'contains':
    case 'doesNotContain':
    case 'startsWith':
    case 'doesNotStartWith':
      return undefined;
    default:
      return assertNever(operator, 'split operator');
  }
}

export const splitConditionSchema = z
  .strictObject({
    output: outputNameSchema,
    operator: splitOperatorSchema,
    values: z.array(z.string().min(1, 'remove the empty value')),
  })
  .superRefine((condition, ctx) => {
    const { operator, values } = condition;
    const arity = splitOperatorArity(operator);
    if (arity === 'none' && values.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['values'], message: `"${operator}" compares with nothing; remove the values` });
    } else if (arity === 'one' && values.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['values'],
        message: `"${operator}" compares with exactly one value; ${values.length === 0 ? 'add it' : 'keep one and remove the others'}`,
      });
    } else if (arity === 'oneOrMore' && values.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['values'], message: `"${operator}" needs at least one value to compare with` });
    }
    values.forEach((value, index) => {
      const problem = value === '' ? undefined : literalValueProblem(operator, value);
      if (problem !== undefined) ctx.addIssue({ code: 'custom', path: ['values', index], message: problem });
    });
  });

true satisfies MutuallyAssignable<z.infer<typeof splitConditionSchema>, SplitCondition>;
