import { EXIT, type ExitCode } from './exitCodes';

/**
 * A failure the CLI reports in one line and exits with, e.g. an unreadable file (2) or a flow
 * the API has no published version of (2). Anything else escaping a command is a bug.
 */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    message: string,
    readonly exitCode: ExitCode = EXIT.trouble,
  ) {
    super(message);
  }
}
