import { z } from 'zod';
import type { AnswerValidation } from '../../types';
import type { FieldOption, MutuallyAssignable } from '../nodeCatalogEntry';
import { regexPatternSchema } from './regexPatternSchema';

const answerKindSchema = z.enum(['number', 'email', 'date', 'yesNo', 'regex', 'oneOf']);

/** For the builder's validation control: the kinds in the order it offers them. */
export const answerValidationKindOptions: readonly FieldOption[] = [
  { value: 'number', label: 'A number' },
  { value: 'email', label: 'An email address' },
  { value: 'date', label: 'A date' },
  { value: 'yesNo', label: 'Yes or no' },
  { value: 'regex', label: 'Matches a pattern' },
  { value: 'oneOf', label: 'One of a list' },
];

/**
 * How a captured answer is checked. `pattern` belongs to `regex` and `options` to `oneOf` only:
 * a leftover pattern on a number check would read as if it applied.
 */
export const answerValidationSchema = z
  .strictObject({
    kind: answerKindSchema,
    pattern: regexPatternSchema.optional(),
    options: z.array(z.string().trim().min(1, 'remove the empty answer')).optional(),
  })
  .superRefine((validation, ctx) => {
    if (validation.kind === 'regex' && validation.pattern === undefined) {
      ctx.addIssue({ code: 'custom', path: ['pattern'], message: 'write the pattern the whole answer must match' });
    }
    if (validation.kind !== 'regex' && validation.pattern !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['pattern'], message: 'a pattern only applies to the "regex" check; remove it' });
    }
    if (validation.kind === 'oneOf' && (validation.options === undefined || validation.options.length === 0)) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'list at least one accepted answer' });
    }
    if (validation.kind !== 'oneOf' && validation.options !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'accepted answers only apply to the "oneOf" check; remove them' });
    }
  });

true satisfies MutuallyAssignable<z.infer<typeof answerValidationSchema>, AnswerValidation>;
