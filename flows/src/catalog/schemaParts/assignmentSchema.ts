import { z } from 'zod';
import type { Assignment } from '../../types';
import type { MutuallyAssignable } from '../nodeCatalogEntry';
import { templateSchemaSaying } from './templateSchema';

/** Variable names are read as `vars.<name>` in Liquid, so they are plain identifiers. */
export const VARIABLE_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

export const variableNameSchema = z
  .string()
  .regex(
    VARIABLE_NAME_PATTERN,
    'name the variable with letters, digits or "_", starting with a letter or "_", e.g. orderNumber',
  );

/** A free-form name: a contact attribute, a header, a task attribute, a subflow input. */
export const assignmentNameSchema = z.string().trim().min(1, 'write a name, or remove the row');

const assignmentValueSchema = templateSchemaSaying('write a value (Liquid), or remove the row');

/** A name and a Liquid value, with a name rule of the caller's choosing. */
export function assignmentSchemaOf<Name extends z.ZodType<string>>(nameSchema: Name) {
  return z.strictObject({ name: nameSchema, value: assignmentValueSchema });
}

/** An assignment with any non-empty name (attributes, headers, inputs). */
export const assignmentSchema = assignmentSchemaOf(assignmentNameSchema);

true satisfies MutuallyAssignable<z.infer<typeof assignmentSchema>, Assignment>;

/**
 * For a superRefine over a list of assignments: reports each name already set earlier in the
 * list, at `pathOf(index)`, since a second value for one name would silently win.
 */
export function addDuplicateNameIssues(
  names: readonly string[],
  ctx: z.RefinementCtx,
  pathOf: (index: number) => PropertyKey[],
): void {
  const seen = new Set<string>();
  names.forEach((name, index) => {
    if (seen.has(name)) {
      ctx.addIssue({
        code: 'custom',
        path: pathOf(index),
        message: `"${name}" is already set above; each name may appear once`,
      });
    }
    seen.add(name);
  });
}
