import { processCliIo, type CliIo } from './cliIo';

/** Real files, a given environment, and the printed lines kept for the test to read. */
export function recordingCliIo(env: Record<string, string | undefined> = {}): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    ...processCliIo(),
    env,
    out: (text) => stdout.push(...text.split('\n')),
    err: (text) => stderr.push(...text.split('\n')),
    stdout,
    stderr,
  };
}
