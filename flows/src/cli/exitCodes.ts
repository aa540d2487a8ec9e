/**
 * The CLI's exit codes, the diff(1) convention CI pipelines already know: 0 all good (or no
 * difference), 1 the flow has problems (or differs, or the API refused it), 2 the command itself
 * could not do its job (bad arguments, an unreadable file, an API that cannot be reached).
 */
export const EXIT = { ok: 0, failed: 1, trouble: 2 } as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Several files, one exit code: trouble outranks failure, which outranks success. */
export function worstExit(a: ExitCode, b: ExitCode): ExitCode {
  return a > b ? a : b;
}
