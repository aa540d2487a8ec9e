import { spawn } from 'node:child_process';
import type { LogLine } from './supervisedProcess';

export interface RunCommandOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Receives each output line as it comes, so long installs show progress. */
  log?: LogLine;
  /** What to tell the user when the command itself is not installed. */
  missingHint?: string;
}

export interface CommandResult {
  stdout: string;
  stderr: string;
}

/** Thrown when the program to run does not exist; its message says what to install. */
export class MissingCommandError extends Error {
  override readonly name = 'MissingCommandError';
}

/** Runs a command to completion; rejects with its last output lines when it fails. */
export function runCommand(
  command: string,
  args: readonly string[],
  options: RunCommandOptions = {},
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let pending = '';
    const forward = (chunk: string): void => {
      if (!options.log) return;
      pending += chunk;
      const lines = pending.split(/\r?\n/);
      pending = lines.pop() ?? '';
      for (const line of lines) if (line.trim() !== '') options.log(line);
    };
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      forward(chunk);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      forward(chunk);
    });
    child.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') {
        reject(new MissingCommandError(`"${command}" was not found. ${options.missingHint ?? ''}`.trim()));
      } else {
        reject(error);
      }
    });
    child.once('close', (code, signal) => {
      if (pending.trim() !== '') options.log?.(pending);
      if (code === 0) {
        resolve({ stdout, stderr });
        return;
      }
      const tail = (stderr || stdout).trim().split('\n').slice(-15).join('\n');
      const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      reject(new Error(`\`${[command, ...args].join(' ')}\` ${how}:\n${tail}`));
    });
  });
}
