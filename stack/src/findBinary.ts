import { delimiter, join } from 'node:path';
import { isExecutable } from './installOnce';
import { runCommand } from './runCommand';
import type { LogLine } from './supervisedProcess';

export interface FindBinaryOptions {
  label: string;
  /** Environment variable that names the executable explicitly, e.g. TEMPORAL_CLI_PATH. */
  envVar: string;
  /** Name to look for on PATH. */
  command: string;
  /** Arguments that print the version. */
  versionArgs: readonly string[];
  /** Whether the version text printed by a binary on PATH is one we support. */
  acceptsVersion: (versionText: string) => boolean;
  pinned: string;
  log: LogLine;
  env?: NodeJS.ProcessEnv;
}

async function versionOf(binary: string, args: readonly string[]): Promise<string | undefined> {
  try {
    const { stdout, stderr } = await runCommand(binary, args);
    return (stdout || stderr).trim();
  } catch {
    return undefined;
  }
}

async function onPath(command: string, env: NodeJS.ProcessEnv): Promise<string[]> {
  const found: string[] = [];
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, command);
    if (await isExecutable(candidate)) found.push(candidate);
  }
  return found;
}

/**
 * The user's own binary, if any: the env var wins and must work; otherwise the first binary on
 * PATH whose version we support. Returns undefined when the tools dir should provide it.
 */
export async function findUserBinary(options: FindBinaryOptions): Promise<string | undefined> {
  const env = options.env ?? process.env;
  const explicit = env[options.envVar];
  if (explicit !== undefined && explicit !== '') {
    const version = await versionOf(explicit, options.versionArgs);
    if (version === undefined) {
      throw new Error(`${options.envVar}=${explicit} does not run (tried \`${explicit} ${options.versionArgs.join(' ')}\`). Fix or unset it.`);
    }
    options.log(`${options.label}: using ${explicit} from ${options.envVar} (${firstLine(version)})`);
    return explicit;
  }
  for (const candidate of await onPath(options.command, env)) {
    const version = await versionOf(candidate, options.versionArgs);
    if (version !== undefined && options.acceptsVersion(version)) {
      options.log(`${options.label}: using ${candidate} from PATH (${firstLine(version)})`);
      return candidate;
    }
    options.log(
      `${options.label}: ignoring ${candidate} on PATH (${version === undefined ? 'does not run' : firstLine(version)}; ` +
        `need ${options.pinned}); set ${options.envVar} to use it anyway`,
    );
  }
  return undefined;
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? '';
}
