import { CliError } from './cliError';
import type { CliIo } from './cliIo';

/** The parsed JSON of a file, or a CliError (exit 2) saying whether it was unreadable or not JSON. */
export async function readJsonFile(io: CliIo, path: string): Promise<unknown> {
  let text: string;
  try {
    text = await io.readText(path);
  } catch (error) {
    throw new CliError(`${path}: cannot read the file: ${reasonOf(error)}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CliError(`${path}: not JSON: ${reasonOf(error)}`);
  }
}

export function reasonOf(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' && !error.message.includes(code) ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}
