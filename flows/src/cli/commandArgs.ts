import { CliError } from './cliError';

export const DEFAULT_API_URL = 'http://localhost:3000';

/**
 * Runs node:util's parseArgs (or any argument check) and turns what it throws into a usage
 * error (exit 2) that names the command and points at its help.
 */
export function usageErrors<T>(command: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof CliError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw usageError(command, message);
  }
}

export function usageError(command: string, message: string): CliError {
  return new CliError(`flows ${command}: ${message}\nRun \`flows ${command} --help\` for its usage.`);
}

/** `--api`, else $THREADLINE_API_URL, else the local stack's address; without a trailing slash. */
export function apiUrlOf(command: string, flag: string | undefined, env: Readonly<Record<string, string | undefined>>): string {
  const fromEnv = env.THREADLINE_API_URL?.trim();
  const value = flag ?? (fromEnv === undefined || fromEnv === '' ? DEFAULT_API_URL : fromEnv);
  const source = flag === undefined ? (fromEnv ? '$THREADLINE_API_URL' : 'the default API address') : '--api';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw usageError(command, `${source} "${value}" is not a URL; give one like ${DEFAULT_API_URL}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw usageError(command, `${source} "${value}" is not an http(s) URL; give one like ${DEFAULT_API_URL}`);
  }
  return value.replace(/\/+$/, '');
}

export type VersionChoice = number | 'latest' | 'draft';

/** Reads `--version`: a positive whole number, or one of the words the command allows. */
export function versionOf<W extends 'latest' | 'draft'>(
  command: string,
  text: string | undefined,
  words: readonly W[],
  fallback: W,
): number | W {
  if (text === undefined) return fallback;
  const word = words.find((candidate) => candidate === text);
  if (word !== undefined) return word;
  if (/^[1-9][0-9]*$/.test(text)) return Number(text);
  throw usageError(command, `--version "${text}" is neither a version number nor ${words.map((w) => `"${w}"`).join(' or ')}`);
}

/** Exactly `count` positional arguments, named in the error when some are missing or extra. */
export function positionals(command: string, given: readonly string[], names: readonly string[]): string[] {
  if (given.length < names.length) {
    throw usageError(command, `missing ${names.slice(given.length).map((name) => `<${name}>`).join(' ')}`);
  }
  if (given.length > names.length) {
    throw usageError(command, `unexpected argument${given.length - names.length === 1 ? '' : 's'}: ${given.slice(names.length).join(' ')}`);
  }
  return [...given];
}
