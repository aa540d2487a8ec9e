import { runCommand } from './runCommand';
import type { LogLine } from './supervisedProcess';

export const GO_HINT = 'Install Go 1.24 or newer (https://go.dev/dl/ or `apt-get install -y golang`)';

/** Fails early, with what to install, when there is no Go toolchain. */
export async function requireGo(log: LogLine, alternative: string): Promise<void> {
  const { stdout } = await runCommand('go', ['version'], { missingHint: `${GO_HINT}, or ${alternative}.` });
  log(stdout.trim());
}
