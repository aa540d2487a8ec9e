import { assertNever } from '../assertNever';
import { CliError } from './cliError';
import type { CliIo } from './cliIo';
import { diffCommand } from './diffCommand';
import { EXIT, type ExitCode } from './exitCodes';
import { ApiRefusal } from './flowsApiClient';
import { COMMANDS, OVERVIEW, type CommandName } from './helpTexts';
import { importStudioCommand } from './importStudioCommand';
import { pullCommand } from './pullCommand';
import { pushCommand } from './pushCommand';
import { validateCommand } from './validateCommand';

/**
 * The `flows` CLI: runs one command and returns its exit code. Expected failures (usage, files,
 * the API) are printed as one line each on standard error; anything else is a bug and throws.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const [command, ...args] = argv;
  if (command === undefined) {
    io.err(OVERVIEW);
    return EXIT.trouble;
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    io.out(OVERVIEW);
    return EXIT.ok;
  }
  try {
    if (!isCommandName(command)) {
      throw new CliError(`flows: unknown command "${command}"; the commands are ${COMMANDS.join(', ')} (\`flows --help\`)`);
    }
    return await runCommand(command, args, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(error.message);
      return error.exitCode;
    }
    if (error instanceof ApiRefusal) {
      io.err(`the API refused (${error.status} ${error.code}): ${error.message}`);
      return EXIT.trouble;
    }
    throw error;
  }
}

function runCommand(command: CommandName, args: readonly string[], io: CliIo): Promise<ExitCode> {
  switch (command) {
    case 'validate':
      return validateCommand(args, io);
    case 'push':
      return pushCommand(args, io);
    case 'pull':
      return pullCommand(args, io);
    case 'diff':
      return diffCommand(args, io);
    case 'import-studio':
      return importStudioCommand(args, io);
    default:
      return assertNever(command, 'command');
  }
}

function isCommandName(name: string): name is CommandName {
  return (COMMANDS as readonly string[]).includes(name);
}
