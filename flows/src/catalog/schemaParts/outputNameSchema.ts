import { z } from 'zod';

/** Output names appear as edge handles and in `nodes.<id>` reports, so they are short identifiers. */
export const OUTPUT_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

/**
 * The outputs node types add after the ones an admin names (split's `else`, a menu's `noInput`
 * and `noMatch`, intent's `unknown`). A named output may not take one of these: an edge from it
 * would be ambiguous, and reading the flow it would look like the fallback.
 */
export const FIXED_OUTPUT_NAMES: readonly string[] = ['else', 'noInput', 'noMatch', 'unknown'];

export const outputNameSchema = z
  .string()
  .regex(OUTPUT_NAME_PATTERN, 'name the output with 1-64 letters, digits, "-" or "_", starting with a letter');

/**
 * For a superRefine over a list that names outputs: reports each name that is one of `reserved`
 * or repeats an earlier one, at `pathOf(index)`. Names are compared exactly, as edges are.
 */
export function addOutputNameIssues(
  names: readonly string[],
  ctx: z.RefinementCtx,
  pathOf: (index: number) => PropertyKey[],
  reserved: readonly string[] = FIXED_OUTPUT_NAMES,
): void {
  const seen = new Set<string>();
  names.forEach((name, index) => {
    if (reserved.includes(name)) {
      ctx.addIssue({
        code: 'custom',
        path: pathOf(index),
        message: `"${name}" is an output this node adds by itself; pick another name`,
      });
    } else if (seen.has(name)) {
      ctx.addIssue({
        code: 'custom',
        path: pathOf(index),
        message: `"${name}" is already an output of this node; output names must be unique`,
      });
    }
    seen.add(name);
  });
}
