import { z } from 'zod';

/**
 * A regular expression written as text. It must compile, so a typo such as an unclosed
 * bracket is reported on the field instead of failing every message at run time.
 */
export const regexPatternSchema = z
  .string()
  .min(1, 'write a regular expression, or remove the field')
  .superRefine((pattern, ctx) => {
    const problem = regexProblem(pattern);
    if (problem !== undefined) {
      ctx.addIssue({ code: 'custom', message: problem });
    }
  });

/** Why the pattern does not compile, as a message a person can act on; undefined when it does. */
export function regexProblem(pattern: string): string | undefined {
  try {
    new RegExp(pattern);
    return undefined;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return `"${pattern}" is not a valid regular expression (${reason}); escape special characters such as ( [ + * ? with a backslash`;
  }
}
